import { ApiProperty } from '@nestjs/swagger';
import type { CaseKeyDates, KeyDate, KeyDateChangeRecord, KeyDateListItem, Page } from '@deepvalue/shared';
import {
  EARLIEST_CASE_DATE,
  KEY_DATE_CHANGES,
  KEY_DATE_KINDS,
  type KeyDateChange,
  type KeyDateKind,
  MAX_KEY_DATE_NOTE_LENGTH,
  MAX_KEY_DATE_TITLE_LENGTH,
} from '@deepvalue/shared';
import { PageMeta, PageQuery } from '../page.js';
import { BoolField, DateField, EnumField, QueryBool, TextField, UuidField, VersionField } from '../../common/fields.js';
import type { KeyDateChangeEntity, KeyDateEntity } from './key-date.entity.js';

const dueOn = (optional = false) => DateField({ optional, notBefore: EARLIEST_CASE_DATE });
const title = (optional = false) => TextField({ optional, min: 1, max: MAX_KEY_DATE_TITLE_LENGTH });
const note = () => TextField({ optional: true, nullable: true, max: MAX_KEY_DATE_NOTE_LENGTH });

export class CreateKeyDateDto {
  @EnumField(KEY_DATE_KINDS) kind: KeyDateKind;
  @title() title: string;
  @dueOn() dueOn: string;
  @UuidField({ optional: true, nullable: true, description: 'The adviser it is for; a task defaults to you.' })
  assigneeId?: string | null;
  @note() note?: string | null;
}

export class UpdateKeyDateDto {
  @VersionField() version: number;
  @EnumField(KEY_DATE_KINDS, { optional: true }) kind?: KeyDateKind;
  @title(true) title?: string;
  @dueOn(true) dueOn?: string;
  @UuidField({ optional: true, nullable: true }) assigneeId?: string | null;
  @note() note?: string | null;
  @BoolField({ optional: true, description: 'true marks it done today (London); false reopens it.' }) done?: boolean;
}

export const KEY_DATE_DUE = ['overdue', 'week'] as const;
export type KeyDateDue = (typeof KEY_DATE_DUE)[number];

export class ListKeyDatesQuery extends PageQuery {
  @EnumField(KEY_DATE_DUE, {
    optional: true,
    description: 'overdue: not done and due before today; week: not done and due from today to six days on.',
  })
  due?: KeyDateDue;
  @QueryBool({ description: 'Only dates assigned to you, or on cases you lead with no one assigned.' }) mine?: boolean;
}

export class KeyDateDto implements KeyDate {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: KEY_DATE_KINDS }) kind: KeyDateKind;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeName: string | null;
  @ApiProperty() done: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) doneOn: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'uuid' }) createdById: string;
  @ApiProperty() createdByName: string;
  @ApiProperty() version: number;
}

export class KeyDateChangeDto implements KeyDateChangeRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) keyDateId: string;
  @ApiProperty({ enum: KEY_DATE_CHANGES }) change: KeyDateChange;
  @ApiProperty({ enum: KEY_DATE_KINDS }) kind: KeyDateKind;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: String, nullable: true, description: 'The title before this change, when it changed.' })
  previousTitle: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The due date before, when it moved.' })
  previousDueOn: string | null;
  @ApiProperty({ format: 'uuid' }) changedById: string;
  @ApiProperty() changedByName: string;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}

/** A case's key dates by due date, and every change to them, newest first. */
export class CaseKeyDatesDto implements CaseKeyDates {
  @ApiProperty({ type: [KeyDateDto] }) items: KeyDateDto[];
  @ApiProperty({ type: [KeyDateChangeDto] }) changes: KeyDateChangeDto[];
}

export class KeyDateListItemDto extends KeyDateDto implements KeyDateListItem {
  @ApiProperty() caseRef: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ format: 'uuid' }) leadAdviserId: string;
  @ApiProperty() leadAdviserName: string;
}

export class KeyDatePageDto extends PageMeta implements Page<KeyDateListItem> {
  @ApiProperty({ type: [KeyDateListItemDto] }) items: KeyDateListItemDto[];
}

export function toKeyDateDto(k: KeyDateEntity, names: Map<string, string>): KeyDateDto {
  return {
    id: k.id,
    caseId: k.caseId,
    kind: k.kind,
    title: k.title,
    dueOn: k.dueOn,
    assigneeId: k.assigneeId,
    assigneeName: k.assigneeId ? (names.get(k.assigneeId) ?? '') : null,
    done: k.doneOn !== null,
    doneOn: k.doneOn,
    note: k.note,
    createdById: k.createdById,
    createdByName: names.get(k.createdById) ?? '',
    version: k.version,
  };
}

export function toKeyDateChangeDto(c: KeyDateChangeEntity, names: Map<string, string>): KeyDateChangeDto {
  return {
    id: c.id,
    keyDateId: c.keyDateId,
    change: c.change,
    kind: c.kind,
    title: c.title,
    dueOn: c.dueOn,
    previousTitle: c.previousTitle,
    previousDueOn: c.previousDueOn,
    changedById: c.changedById,
    changedByName: names.get(c.changedById) ?? '',
    changedAt: c.changedAt.toISOString(),
  };
}
