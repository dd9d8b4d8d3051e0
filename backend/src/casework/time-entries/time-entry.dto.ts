import { ApiProperty } from '@nestjs/swagger';
import {
  ACTIVITIES,
  type Activity,
  EARLIEST_CASE_DATE,
  MAX_MINUTES,
  MAX_SHORT_TEXT_LENGTH,
  type Mode,
  MODES,
  TIME_CLASSES,
  type TimeClass,
  type TimeEntry,
} from '@deepvalue/shared';
import { DateField, EnumField, IntField, TextField, UuidField, VersionField } from '../../common/fields.js';
import type { TimeEntryEntity } from './time-entry.entity.js';

/** Up to a whole day; above it is a different mistake from 0 (seconds typed as minutes?). */
const minutes = (optional = false) => IntField({ optional, min: 1, max: MAX_MINUTES });
const on = (optional = false, description?: string) =>
  DateField({ optional, notBefore: EARLIEST_CASE_DATE, notFuture: true, description });
const note = () => TextField({ optional: true, nullable: true, max: MAX_SHORT_TEXT_LENGTH });

export class CreateTimeEntryDto {
  @on() on: string;
  @UuidField({ optional: true, description: 'Who did the work; defaults to you.' }) adviserId?: string;
  @minutes() minutes: number;
  @EnumField(TIME_CLASSES, { description: 'Relationship time is direct contact with the client.' }) class: TimeClass;
  @EnumField(ACTIVITIES) activity: Activity;
  @EnumField(MODES) mode: Mode;
  @note() note?: string | null;
}

/** A session recorded in seconds: the date defaults to today and the adviser is you. */
export class QuickTimeEntryDto {
  @UuidField() caseId: string;
  @minutes() minutes: number;
  @EnumField(TIME_CLASSES) class: TimeClass;
  @EnumField(ACTIVITIES) activity: Activity;
  @EnumField(MODES) mode: Mode;
  @on(true, 'Defaults to today (London).') on?: string;
  @note() note?: string | null;
}

export class UpdateTimeEntryDto {
  @VersionField() version: number;
  @on(true) on?: string;
  @UuidField({ optional: true }) adviserId?: string;
  @minutes(true) minutes?: number;
  @EnumField(TIME_CLASSES, { optional: true }) class?: TimeClass;
  @EnumField(ACTIVITIES, { optional: true }) activity?: Activity;
  @EnumField(MODES, { optional: true }) mode?: Mode;
  @note() note?: string | null;
}

export class TimeEntryDto implements TimeEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ format: 'uuid' }) adviserId: string;
  @ApiProperty() adviserName: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ enum: TIME_CLASSES }) class: TimeClass;
  @ApiProperty({ enum: ACTIVITIES }) activity: Activity;
  @ApiProperty({ enum: MODES }) mode: Mode;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() version: number;
}

export function toTimeEntryDto(entry: TimeEntryEntity, adviserName: string): TimeEntryDto {
  return {
    id: entry.id,
    caseId: entry.caseId,
    on: entry.on,
    adviserId: entry.adviserId,
    adviserName,
    minutes: entry.minutes,
    class: entry.class,
    activity: entry.activity,
    mode: entry.mode,
    note: entry.note,
    version: entry.version,
  };
}
