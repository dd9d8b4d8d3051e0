import { ApiProperty } from '@nestjs/swagger';
import { QueryInt, TextField } from '../common/fields.js';

export const MAX_PAGE = 200;

/** limit/offset paging and a free-text search, shared by the list endpoints. */
export class PageQuery {
  @QueryInt({ min: 1, max: MAX_PAGE, description: `At most ${MAX_PAGE}; default 50.` }) limit?: number;
  @QueryInt({ min: 0, max: 1_000_000_000 }) offset?: number;
  @TextField({ optional: true, max: 200 }) search?: string;
}

export function pageOf(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.limit ?? 50, offset: query.offset ?? 0 };
}

export class PageMeta {
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** ILIKE pattern matching the text anywhere, with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
