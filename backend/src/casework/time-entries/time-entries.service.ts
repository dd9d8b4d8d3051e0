import { Injectable } from '@nestjs/common';
import { type FieldError, invalid } from '../../common/domain-error.js';
import { UnitOfWork } from '../../idempotency/unit-of-work.js';
import { todayInLondon } from '../dates.js';
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
    const m = this.uow.manager;
    const entry = await writeToCase(
      m.save(
        m.create(TimeEntryEntity, {
          organisationId,
          caseId,
          adviserId: input.adviserId ?? userId,
          on: input.on,
          minutes: input.minutes,
          class: input.class,
          activity: input.activity,
          mode: input.mode,
          note: input.note ?? null,
        }),
        { transaction: false },
      ),
    );
    return this.toDto(organisationId, entry);
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

  async remove(organisationId: string, entryId: string, version?: number): Promise<void> {
    await deleteVersioned(this.uow.manager, {
      entity: TimeEntryEntity,
      what: 'Time entry',
      organisationId,
      id: entryId,
      version,
      toDto: (e) => this.toDto(organisationId, e),
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
