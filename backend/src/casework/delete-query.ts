import { QueryInt } from '../common/fields.js';

/** DELETE ?version=N refuses (409) when the record changed since it was read; without it, deletes. */
export class DeleteQuery {
  @QueryInt({ min: 1, max: 2_147_483_647 }) version?: number;
}
