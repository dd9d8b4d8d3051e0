import { Injectable } from '@nestjs/common';
import { DUE_SOON_DAYS } from '@deepvalue/shared';
import type { EntityManager } from 'typeorm';
import { notFound } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { CaseEntity } from '../cases/case.entity.js';
import { writeToCase } from '../case-child.js';
import { todayInLondon } from '../../common/dates.js';
import { pageOf } from '../page.js';
import { userNames } from '../user-names.js';
import { deleteVersioned, updateVersioned } from '../versioned-update.js';
import {
  type CaseKeyDatesDto,
  type CreateKeyDateDto,
  type KeyDateDto,
  type KeyDatePageDto,
  type ListKeyDatesQuery,
  toKeyDateChangeDto,
  toKeyDateDto,
  type UpdateKeyDateDto,
} from './key-date.dto.js';
import { KeyDateChangeEntity, KeyDateEntity } from './key-date.entity.js';
import type { KeyDateChange } from '@deepvalue/shared';

/**
 * Key dates and tasks. Every write also writes a row of key_date_changes in the same transaction,
 * so a limitation date that is moved or removed stays visible on the case with who did it and when.
 */
@Injectable()
export class KeyDatesService {
  constructor(private readonly uow: UnitOfWork) {}

  create(organisationId: string, userId: string, caseId: string, input: CreateKeyDateDto): Promise<KeyDateDto> {
    return this.uow.transaction(async (m) => {
      const assigneeId = input.assigneeId === undefined ? (input.kind === 'task' ? userId : null) : input.assigneeId;
      const keyDate = await writeToCase(
        m.save(
          m.create(KeyDateEntity, {
            organisationId,
            caseId,
            kind: input.kind,
            title: input.title,
            dueOn: input.dueOn,
            assigneeId,
            doneOn: null,
            note: input.note ?? null,
            createdById: userId,
          }),
          { transaction: false },
        ),
      );
      await recordChange(m, keyDate, 'added', userId);
      return this.toDto(m, organisationId, keyDate);
    });
  }

  update(organisationId: string, userId: string, id: string, input: UpdateKeyDateDto): Promise<KeyDateDto> {
    const { version, done, ...fields } = input;
    return this.uow.transaction(async (m) => {
      const before = await m.findOneBy(KeyDateEntity, { organisationId, id });
      if (!before) throw notFound('Key date');
      const doneOn = done === undefined ? undefined : done ? (before.doneOn ?? todayInLondon()) : null;
      const keyDate = await updateVersioned(m, {
        entity: KeyDateEntity,
        what: 'Key date',
        organisationId,
        id,
        version,
        changes: { ...fields, doneOn },
        toDto: (k) => this.toDto(m, organisationId, k),
      });
      const moved = keyDate.dueOn !== before.dueOn || keyDate.title !== before.title;
      const reopened = before.doneOn !== null && keyDate.doneOn === null;
      const finished = before.doneOn === null && keyDate.doneOn !== null;
      const other =
        keyDate.kind !== before.kind || keyDate.assigneeId !== before.assigneeId || keyDate.note !== before.note;
      if (moved || other) await recordChange(m, keyDate, 'changed', userId, before);
      if (finished) await recordChange(m, keyDate, 'done', userId);
      if (reopened) await recordChange(m, keyDate, 'reopened', userId);
      return this.toDto(m, organisationId, keyDate);
    });
  }

  remove(organisationId: string, userId: string, id: string, version?: number): Promise<void> {
    return this.uow.transaction(async (m) => {
      const keyDate = await m.findOneBy(KeyDateEntity, { organisationId, id });
      if (!keyDate) throw notFound('Key date');
      await deleteVersioned(m, {
        entity: KeyDateEntity,
        what: 'Key date',
        organisationId,
        id,
        version,
        toDto: (k) => this.toDto(m, organisationId, k),
      });
      await recordChange(m, keyDate, 'removed', userId);
    });
  }

  async forCase(organisationId: string, caseId: string): Promise<CaseKeyDatesDto> {
    const m = this.uow.manager;
    if (!(await m.existsBy(CaseEntity, { organisationId, id: caseId }))) throw notFound('Case');
    const [items, changes] = await this.uow.all([
      () => m.find(KeyDateEntity, { where: { organisationId, caseId }, order: { dueOn: 'ASC', createdAt: 'ASC' } }),
      () =>
        m.find(KeyDateChangeEntity, {
          where: { organisationId, caseId },
          order: { changedAt: 'DESC', createdAt: 'DESC', id: 'DESC' },
        }),
    ]);
    const names = await userNames(m, organisationId, [...items.flatMap(people), ...changes.map((c) => c.changedById)]);
    return {
      items: items.map((k) => toKeyDateDto(k, names)),
      changes: changes.map((c) => toKeyDateChangeDto(c, names)),
    };
  }

  /** Open key dates across the organisation's cases, soonest first: overdue, due this week, or all. */
  async list(organisationId: string, userId: string, query: ListKeyDatesQuery): Promise<KeyDatePageDto> {
    const { limit, offset } = pageOf(query);
    const today = todayInLondon();
    const qb = this.uow.manager
      .createQueryBuilder(KeyDateEntity, 'k')
      .innerJoin(CaseEntity, 'c', 'c.organisation_id = k.organisation_id AND c.id = k.case_id')
      .innerJoin('clients', 'cl', 'cl.organisation_id = c.organisation_id AND cl.id = c.client_id')
      .addSelect('c.ref', 'case_ref')
      .addSelect('c.lead_adviser_id', 'lead_adviser_id')
      .addSelect(`coalesce(nullif(concat_ws(' ', cl.first_name, cl.last_name), ''), cl.ref)`, 'client_name')
      .where('k.organisation_id = :organisationId', { organisationId })
      .andWhere('k.done_on IS NULL')
      .orderBy('k.due_on', 'ASC')
      .addOrderBy('c.ref', 'ASC')
      .addOrderBy('k.id', 'ASC');
    if (query.due === 'overdue') qb.andWhere('k.due_on < :today', { today });
    if (query.due === 'week') qb.andWhere(`k.due_on BETWEEN :today AND :today::date + ${DUE_SOON_DAYS - 1}`, { today });
    if (query.mine)
      qb.andWhere('(k.assignee_id = :userId OR (k.assignee_id IS NULL AND c.lead_adviser_id = :userId))', { userId });
    const [total, { entities, raw }] = await this.uow.all([
      () => qb.getCount(),
      () =>
        qb
          .clone()
          .limit(limit)
          .offset(offset)
          .getRawAndEntities<{ case_ref: string; lead_adviser_id: string; client_name: string }>(),
    ]);
    const names = await userNames(this.uow.manager, organisationId, [
      ...entities.flatMap(people),
      ...raw.map((r) => r.lead_adviser_id),
    ]);
    return {
      total,
      limit,
      offset,
      items: entities.map((k, i) => ({
        ...toKeyDateDto(k, names),
        caseRef: raw[i].case_ref,
        clientName: raw[i].client_name,
        leadAdviserId: raw[i].lead_adviser_id,
        leadAdviserName: names.get(raw[i].lead_adviser_id) ?? '',
      })),
    };
  }

  private async toDto(m: EntityManager, organisationId: string, k: KeyDateEntity): Promise<KeyDateDto> {
    return toKeyDateDto(k, await userNames(m, organisationId, people(k)));
  }
}

const people = (k: KeyDateEntity) => (k.assigneeId ? [k.createdById, k.assigneeId] : [k.createdById]);

async function recordChange(
  m: EntityManager,
  k: KeyDateEntity,
  change: KeyDateChange,
  userId: string,
  before?: KeyDateEntity,
): Promise<void> {
  await m.insert(KeyDateChangeEntity, {
    organisationId: k.organisationId,
    caseId: k.caseId,
    keyDateId: k.id,
    change,
    kind: k.kind,
    title: k.title,
    dueOn: k.dueOn,
    assigneeId: k.assigneeId,
    doneOn: k.doneOn,
    previousTitle: before && before.title !== k.title ? before.title : null,
    previousDueOn: before && before.dueOn !== k.dueOn ? before.dueOn : null,
    changedById: userId,
    changedAt: new Date(),
  });
}
