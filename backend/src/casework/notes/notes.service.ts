import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { CaseEntity } from '../cases/case.entity.js';
import { writeToCase } from '../case-child.js';
import type { FieldErrorMap } from '../database-errors.js';
import { todayInLondon } from '../../common/dates.js';
import { containsPattern, pageOf } from '../page.js';
import { TimeEntriesService } from '../time-entries/time-entries.service.js';
import { userNames } from '../user-names.js';
import { updateVersioned } from '../versioned-update.js';
import { CaseNoteEntity, CaseNoteRevisionEntity } from './note.entity.js';
import {
  type CreateNoteDto,
  type NoteDto,
  type NoteHistoryDto,
  type NoteSearchPageDto,
  type SearchNotesQuery,
  toNoteDto,
  toRevisionDtos,
  type UpdateNoteDto,
} from './note.dto.js';

/** The time entry key is (organisation_id, case_id, time_entry_id): an entry of another case is refused. */
const NOTE_ERRORS: FieldErrorMap = { columns: { case_id_time_entry_id: 'timeEntryId' } };

@Injectable()
export class NotesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly timeEntries: TimeEntriesService,
  ) {}

  /** Writes the note, its first revision and (when `time` is given) its time entry, all or nothing. */
  create(organisationId: string, userId: string, caseId: string, input: CreateNoteDto): Promise<NoteDto> {
    const on = input.on ?? todayInLondon();
    return this.uow.transaction(async (m) => {
      let timeEntryId = input.timeEntryId ?? null;
      if (input.time) {
        const time = this.timeEntries.create(organisationId, userId, caseId, { ...input.time, on });
        timeEntryId = (await underTime(time)).id;
      }
      const note = await writeToCase(
        m.save(
          m.create(CaseNoteEntity, {
            organisationId,
            caseId,
            kind: input.kind,
            on,
            body: input.body,
            timeEntryId,
            authorId: userId,
            editedById: null,
          }),
          { transaction: false },
        ),
        NOTE_ERRORS,
      );
      await this.keepRevision(m, note, userId, note.createdAt);
      return this.toDto(m, organisationId, note);
    });
  }

  /** Edits a note; the new version is kept beside every earlier one. */
  update(organisationId: string, userId: string, noteId: string, input: UpdateNoteDto): Promise<NoteDto> {
    const { version, ...changes } = input;
    return this.uow.transaction(async (m) => {
      const note = await updateVersioned(m, {
        entity: CaseNoteEntity,
        what: 'Note',
        organisationId,
        id: noteId,
        version,
        changes: { ...changes, editedById: userId },
        toDto: (n) => this.toDto(m, organisationId, n),
        errors: NOTE_ERRORS,
      });
      await this.keepRevision(m, note, userId, note.updatedAt);
      return this.toDto(m, organisationId, note);
    });
  }

  async list(organisationId: string, caseId: string): Promise<NoteDto[]> {
    const m = this.uow.manager;
    const exists = await m.existsBy(CaseEntity, { organisationId, id: caseId });
    if (!exists) throw notFound('Case');
    return this.forCase(m, organisationId, caseId);
  }

  /** A case's notes by date, for the case page and its timeline. */
  async forCase(m: EntityManager, organisationId: string, caseId: string): Promise<NoteDto[]> {
    const notes = await m.find(CaseNoteEntity, {
      where: { organisationId, caseId },
      order: { on: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    const names = await userNames(m, organisationId, notes.flatMap(people));
    return notes.map((n) => toNoteDto(n, names));
  }

  async history(organisationId: string, noteId: string): Promise<NoteHistoryDto> {
    const m = this.uow.manager;
    const revisions = await m.find(CaseNoteRevisionEntity, {
      where: { organisationId, noteId },
      order: { revision: 'ASC' },
    });
    if (revisions.length === 0) throw notFound('Note');
    const names = await userNames(
      m,
      organisationId,
      revisions.map((r) => r.writtenById),
    );
    return { id: noteId, caseId: revisions[0].caseId, revisions: toRevisionDtos(revisions, names) };
  }

  /** Notes of the organisation whose text contains the search (case-insensitive), newest first. */
  async search(organisationId: string, query: SearchNotesQuery): Promise<NoteSearchPageDto> {
    const { limit, offset } = pageOf(query);
    const m = this.uow.manager;
    const qb = m
      .createQueryBuilder(CaseNoteEntity, 'n')
      .innerJoin(CaseEntity, 'c', 'c.organisation_id = n.organisation_id AND c.id = n.case_id')
      .addSelect('c.ref', 'case_ref')
      .where('n.organisation_id = :organisationId', { organisationId })
      .orderBy('n.on', 'DESC')
      .addOrderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'ASC');
    const search = query.search?.trim();
    if (search) qb.andWhere('n.body ILIKE :pattern', { pattern: containsPattern(search) });
    const [total, { entities, raw }] = await this.uow.all([
      () => qb.getCount(),
      () => qb.clone().limit(limit).offset(offset).getRawAndEntities<{ case_ref: string }>(),
    ]);
    const names = await userNames(m, organisationId, entities.flatMap(people));
    return {
      total,
      limit,
      offset,
      items: entities.map((n, i) => ({ ...toNoteDto(n, names), caseRef: raw[i].case_ref })),
    };
  }

  private async keepRevision(m: EntityManager, note: CaseNoteEntity, userId: string, at: Date): Promise<void> {
    await m.insert(CaseNoteRevisionEntity, {
      organisationId: note.organisationId,
      caseId: note.caseId,
      noteId: note.id,
      revision: note.version,
      kind: note.kind,
      on: note.on,
      body: note.body,
      timeEntryId: note.timeEntryId,
      writtenById: userId,
      writtenAt: at,
    });
  }

  private async toDto(m: EntityManager, organisationId: string, note: CaseNoteEntity): Promise<NoteDto> {
    return toNoteDto(note, await userNames(m, organisationId, people(note)));
  }
}

const people = (n: CaseNoteEntity) => (n.editedById ? [n.authorId, n.editedById] : [n.authorId]);

/** The time entry's own checks name its fields; in a note they are under `time`. */
async function underTime<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'validation') throw error;
    const errors = error.errors.map((e) => ({ ...e, path: `time.${e.path}` }));
    throw new DomainError(error.code, errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors, error.extra);
  }
}
