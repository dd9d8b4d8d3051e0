import { Injectable } from '@nestjs/common';
import { type FieldError, invalid } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { todayInLondon } from '../../common/dates.js';
import { userNames } from '../user-names.js';
import { deleteVersioned, updateVersioned } from '../versioned-update.js';
import { writeToCase } from '../case-child.js';
import { TimeEntryEntity } from './time-entry.entity.js';
import {
  type CreateTimeEntryDto,
  type QuickTimeEntryDto,
  type TimeEntryDto,
  toTimeEntryDto,
  type UpdateTimeEntryDto,
} from './time-entry.dto.js';

interface TimeEntryRow {
  id: string;
  case_id: string;
  adviser_id: string;
  on: string;
  minutes: number;
  class: TimeEntryDto['class'];
  activity: TimeEntryDto['activity'];
  mode: TimeEntryDto['mode'];
  note: string | null;
  version: number;
  adviser_name: string | null;
}

@Injectable()
export class TimeEntriesService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Records a session on a case; the adviser defaults to the caller. */
  async create(
    organisationId: string,
    userId: string,
    caseId: string,
    input: CreateTimeEntryDto,
  ): Promise<TimeEntryDto> {
    const problems = sessionProblems(input);
    if (problems.length) throw invalid(problems);
    // One round trip: the row and the adviser's name for the answer. The name is joined, and the date
    // cast, outside the INSERT: Citus refuses a subquery or a non-immutable cast in RETURNING.
    const [row]: TimeEntryRow[] = await writeToCase(
      this.uow.manager.query(
        `WITH e AS (
           INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode, note)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           RETURNING id, case_id, adviser_id, "on", minutes, class, activity, mode, note, version)
         SELECT e.id, e.case_id, e.adviser_id, e."on"::text AS "on", e.minutes, e.class, e.activity, e.mode, e.note, e.version,
           u.name AS adviser_name
         FROM e LEFT JOIN users u ON u.organisation_id = $1 AND u.id = e.adviser_id`,
        [
          organisationId,
          caseId,
          input.adviserId ?? userId,
          input.on,
          input.minutes,
          input.class,
          input.activity,
          input.mode,
          input.note ?? null,
        ],
      ),
    );
    return {
      id: row.id,
      caseId: row.case_id,
      on: row.on,
      adviserId: row.adviser_id,
      adviserName: row.adviser_name ?? '',
      minutes: row.minutes,
      class: row.class,
      activity: row.activity,
      mode: row.mode,
      note: row.note,
      version: row.version,
    };
  }

  /** The 30-second entry: today (in London) and the caller, unless the date is given. */
  quick(organisationId: string, userId: string, input: QuickTimeEntryDto): Promise<TimeEntryDto> {
    const { caseId, ...entry } = input;
    return this.create(organisationId, userId, caseId, { ...entry, on: input.on ?? todayInLondon() });
  }

  async update(organisationId: string, entryId: string, input: UpdateTimeEntryDto): Promise<TimeEntryDto> {
    const { version, ...changes } = input;
    const entry = await updateVersioned(this.uow.manager, {
      entity: TimeEntryEntity,
      what: 'Time entry',
      organisationId,
      id: entryId,
      version,
      changes,
      toDto: (e) => this.toDto(organisationId, e),
      check: sessionProblems,
    });
    return this.toDto(organisationId, entry);
  }

  /**
   * A note linked to the entry stays, unlinked. The notes' key does that on one server
   * (ON DELETE SET NULL), but on a Citus cluster that key is NO ACTION (docs/scaling.md), so the
   * link is cleared here first, in the same transaction.
   */
  async remove(organisationId: string, entryId: string, version?: number): Promise<void> {
    await this.uow.transaction(async (manager) => {
      await manager.query(
        `UPDATE case_notes SET time_entry_id = NULL WHERE organisation_id = $1 AND time_entry_id = $2`,
        [organisationId, entryId],
      );
      await deleteVersioned(manager, {
        entity: TimeEntryEntity,
        what: 'Time entry',
        organisationId,
        id: entryId,
        version,
        toDto: (e) => this.toDto(organisationId, e),
      });
    });
  }

  private async toDto(organisationId: string, entry: TimeEntryEntity): Promise<TimeEntryDto> {
    const names = await userNames(this.uow.manager, organisationId, [entry.adviserId]);
    return toTimeEntryDto(entry, names.get(entry.adviserId) ?? '');
  }
}

/** Relationship time is time in which the client takes part (docs/measures), so it needs a mode of contact. */
function sessionProblems(entry: Pick<TimeEntryEntity, 'class' | 'mode'>): FieldError[] {
  return entry.class === 'relationship' && entry.mode === 'none'
    ? [{ path: 'mode', message: 'relationship time needs contact with the client: choose how the client took part' }]
    : [];
}
