import { ApiProperty } from '@nestjs/swagger';
import {
  ACTIVITIES,
  type Activity,
  EARLIEST_CASE_DATE,
  MAX_MINUTES,
  MAX_NOTE_LENGTH,
  type Mode,
  MODES,
  NOTE_KINDS,
  type NoteKind,
  TIME_CLASSES,
  type TimeClass,
  type CaseNote,
  type NoteHistory,
  type NoteRevision,
  type NoteSearchItem,
} from '@deepvalue/shared';
import { PageMeta, PageQuery } from '../page.js';
import {
  CrossField,
  DateField,
  EnumField,
  IntField,
  NestedObject,
  TextField,
  UuidField,
  VersionField,
} from '../../common/fields.js';
import type { CaseNoteEntity, CaseNoteRevisionEntity } from './note.entity.js';

const on = (optional: boolean, description?: string) =>
  DateField({ optional, notBefore: EARLIEST_CASE_DATE, notFuture: true, description });
const body = (optional = false) => TextField({ optional, min: 1, max: MAX_NOTE_LENGTH });

/** The time spent, recorded with the note as one action (the entry is dated the note's date, for you). */
export class NoteTimeDto {
  @IntField({ min: 1, max: MAX_MINUTES }) minutes: number;
  @EnumField(TIME_CLASSES) class: TimeClass;
  @EnumField(ACTIVITIES) activity: Activity;
  @EnumField(MODES) mode: Mode;
}

export class CreateNoteDto {
  @EnumField(NOTE_KINDS, { description: 'attendance: a meeting or call; file: anything else.' }) kind: NoteKind;
  @on(true, 'When it happened; defaults to today (London).') on?: string;
  @body() body: string;
  @UuidField({ optional: true, nullable: true, description: 'An existing time entry of this case.' })
  timeEntryId?: string | null;
  @NestedObject(() => NoteTimeDto, { optional: true, description: 'Records a new time entry with the note.' })
  @CrossField<CreateNoteDto>((n) =>
    n.time && n.timeEntryId
      ? 'cannot be given with timeEntryId: link an existing entry or record a new one'
      : undefined,
  )
  time?: NoteTimeDto;
}

export class UpdateNoteDto {
  @VersionField() version: number;
  @EnumField(NOTE_KINDS, { optional: true }) kind?: NoteKind;
  @on(true) on?: string;
  @body(true) body?: string;
  @UuidField({ optional: true, nullable: true, description: 'null unlinks the time entry.' })
  timeEntryId?: string | null;
}

export class SearchNotesQuery extends PageQuery {}

export class NoteDto implements CaseNote {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: NOTE_KINDS }) kind: NoteKind;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ maxLength: MAX_NOTE_LENGTH }) body: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) timeEntryId: string | null;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) editedById: string | null;
  @ApiProperty({ type: String, nullable: true }) editedByName: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class NoteSearchItemDto extends NoteDto implements NoteSearchItem {
  @ApiProperty() caseRef: string;
}

export class NoteSearchPageDto extends PageMeta {
  @ApiProperty({ type: [NoteSearchItemDto] }) items: NoteSearchItemDto[];
}

export const NOTE_FIELDS = ['kind', 'on', 'body', 'timeEntryId'] as const;

export class NoteRevisionDto implements NoteRevision {
  @ApiProperty({ description: 'The version of the note this was; 1 is the note as first written.' }) revision: number;
  @ApiProperty({ enum: NOTE_KINDS }) kind: NoteKind;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) timeEntryId: string | null;
  @ApiProperty({ format: 'uuid' }) writtenById: string;
  @ApiProperty() writtenByName: string;
  @ApiProperty({ format: 'date-time' }) writtenAt: string;
  @ApiProperty({ enum: NOTE_FIELDS, isArray: true, description: 'What this version changed; all on the first.' })
  changed: Array<(typeof NOTE_FIELDS)[number]>;
}

/** A note's versions, oldest first (the response names the note, so reading it is audited as such). */
export class NoteHistoryDto implements NoteHistory {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: [NoteRevisionDto] }) revisions: NoteRevisionDto[];
}

export function toNoteDto(n: CaseNoteEntity, names: Map<string, string>): NoteDto {
  return {
    id: n.id,
    caseId: n.caseId,
    kind: n.kind,
    on: n.on,
    body: n.body,
    timeEntryId: n.timeEntryId,
    authorId: n.authorId,
    authorName: names.get(n.authorId) ?? '',
    createdAt: n.createdAt.toISOString(),
    editedById: n.editedById,
    editedByName: n.editedById ? (names.get(n.editedById) ?? '') : null,
    updatedAt: n.updatedAt.toISOString(),
    version: n.version,
  };
}

/** Revisions oldest first, each with the fields it changed from the one before. */
export function toRevisionDtos(revisions: CaseNoteRevisionEntity[], names: Map<string, string>): NoteRevisionDto[] {
  return revisions.map((r, i) => {
    const before = revisions[i - 1];
    return {
      revision: r.revision,
      kind: r.kind,
      on: r.on,
      body: r.body,
      timeEntryId: r.timeEntryId,
      writtenById: r.writtenById,
      writtenByName: names.get(r.writtenById) ?? '',
      writtenAt: r.writtenAt.toISOString(),
      changed: NOTE_FIELDS.filter((f) => !before || before[f] !== r[f]),
    };
  });
}
