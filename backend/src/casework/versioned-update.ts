/**
 * Optimistic concurrency for every editable record: one UPDATE … WHERE id AND organisation_id AND
 * version = the version the client read, so two people saving the same record cannot both win and
 * there is no gap between checking and writing. When no row matches, the record is either missing
 * (404) or was changed meanwhile (409 with the current record, nothing overwritten).
 */
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { invalid, notFound, staleVersion, type FieldError } from '../common/domain-error.js';
import { type FieldErrorMap, withFieldErrors } from './database-errors.js';

export interface VersionedRecord extends ObjectLiteral {
  id: string;
  organisationId: string;
  version: number;
}

export interface VersionedUpdate<T extends VersionedRecord, D> {
  entity: EntityTarget<T>;
  /** Shown in "… not found". */
  what: string;
  organisationId: string;
  id: string;
  version: number;
  changes: Partial<T>;
  toDto: (record: T) => D | Promise<D>;
  /** Rules across fields, checked on the record as updated; any error rolls the update back. */
  check?: (updated: T) => FieldError[];
  errors?: FieldErrorMap;
}

export async function updateVersioned<T extends VersionedRecord, D>(
  manager: EntityManager,
  update: VersionedUpdate<T, D>,
): Promise<T> {
  const where = { id: update.id, organisationId: update.organisationId } as Partial<T>;
  const changes = Object.fromEntries(
    Object.entries(update.changes).filter(([, v]) => v !== undefined),
  ) as QueryDeepPartialEntity<T>;
  return manager.transaction(async (m) => {
    const result = await withFieldErrors(
      m
        .createQueryBuilder()
        .update(update.entity)
        .set(changes)
        .where('id = :id AND organisation_id = :organisationId AND version = :version', {
          id: update.id,
          organisationId: update.organisationId,
          version: update.version,
        })
        .execute(),
      update.errors,
    );
    if (!result.affected) {
      const current = await m.findOneBy(update.entity, where);
      if (!current) throw notFound(update.what);
      throw staleVersion(await update.toDto(current));
    }
    const updated = await m.findOneByOrFail(update.entity, where);
    const problems = update.check?.(updated) ?? [];
    if (problems.length) throw invalid(problems);
    return updated;
  });
}

/** A DELETE that honours an optional version the same way. */
export async function deleteVersioned<T extends VersionedRecord, D>(
  manager: EntityManager,
  remove: Pick<VersionedUpdate<T, D>, 'entity' | 'what' | 'organisationId' | 'id' | 'toDto'> & { version?: number },
): Promise<void> {
  const where = { id: remove.id, organisationId: remove.organisationId } as Partial<T>;
  const query = manager
    .createQueryBuilder()
    .delete()
    .from(remove.entity)
    .where('id = :id AND organisation_id = :organisationId', where);
  if (remove.version !== undefined) query.andWhere('version = :version', { version: remove.version });
  const result = await query.execute();
  if (result.affected) return;
  const current = await manager.findOneBy(remove.entity, where);
  if (!current) throw notFound(remove.what);
  throw staleVersion(await remove.toDto(current));
}
