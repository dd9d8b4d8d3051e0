import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { AssessmentEntity } from '../assessments/assessment.entity.js';
import { toAssessmentDto } from '../assessments/assessment.dto.js';
import { ClientEntity } from '../clients/client.entity.js';
import { type FieldErrorMap, withFieldErrors } from '../database-errors.js';
import { todayInLondon } from '../../common/dates.js';
import { OfficeEntity } from '../directory/office.entity.js';
import { PartnerEntity } from '../directory/partner.entity.js';
import { FeedbackEntity } from '../feedback/feedback.entity.js';
import { toFeedbackDto } from '../feedback/feedback.dto.js';
import { toContactSafetyDto } from '../clients/contact-safety.js';
import { CaseLegalAidEntity } from '../../legal-aid/case-legal-aid.entity.js';
import { toEqualityDto, toLegalAidDto } from '../../legal-aid/legal-aid.dto.js';
import { ConflictChecksService } from '../conflicts/conflict-checks.service.js';
import { CaseNoteEntity } from '../notes/note.entity.js';
import { toNoteDto } from '../notes/note.dto.js';
import { FollowUpEntity } from '../follow-ups/follow-up.entity.js';
import { toFollowUpDto } from '../follow-ups/follow-up.dto.js';
import { OutcomeBenefitEntity, OutcomeEntity } from '../outcomes/outcome.entity.js';
import { toOutcomeDto } from '../outcomes/outcome.dto.js';
import { containsPattern, pageOf } from '../page.js';
import { ProblemEntity } from '../problems/problem.entity.js';
import { toProblemDto } from '../problems/problem.dto.js';
import { ReferralEntity } from '../referrals/referral.entity.js';
import { toReferralDto } from '../referrals/referral.dto.js';
import { TimeEntryEntity } from '../time-entries/time-entry.entity.js';
import { toTimeEntryDto } from '../time-entries/time-entry.dto.js';
import { userNames } from '../user-names.js';
import { updateVersioned } from '../versioned-update.js';
import { SubcategoriesService } from '../subcategories/subcategories.service.js';
import { CaseEntity } from './case.entity.js';
import {
  type CaseDto,
  type CaseListItemDto,
  type CasePageDto,
  type CreateCaseDto,
  type ListCasesQuery,
  toCaseDto,
  type UpdateCaseDto,
} from './case.dto.js';
import type { CaseDetailDto } from './case-detail.dto.js';
import { caseMeasures } from './case-measures.js';

/** A follow-up call is due this many months after closing (bounce-back is counted at 6). */
const FOLLOW_UP_DUE_MONTHS = 5;

export const CASE_FIELD_ERRORS: FieldErrorMap = {
  columns: { referrer_partner_id: 'arrival.referrerPartnerId' },
  checks: {
    cases_check: { path: 'openedOn', message: 'must be on or before the date the case was closed' },
    cases_first_contact_check: {
      path: 'firstContactOn',
      message: 'must be on or before the date the case was opened (openedOn)',
    },
    cases_check1: { path: 'arrival.referrerPartnerId', message: 'must be left out when route is "self"' },
  },
};

interface CaseListRow {
  id: string;
  ref: string;
  client_id: string;
  client_name: string;
  category: CaseListItemDto['category'];
  subcategory: string | null;
  opened_on: string;
  closed_on: string | null;
  lead_adviser_id: string;
  lead_adviser_name: string;
  version: number;
  total: string;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly conflicts: ConflictChecksService,
    private readonly subcategories: SubcategoriesService,
  ) {}

  async list(organisationId: string, userId: string, query: ListCasesQuery): Promise<CasePageDto> {
    const { limit, offset } = pageOf(query);
    const where = ['c.organisation_id = $1'];
    const params: unknown[] = [organisationId];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.status === 'open') where.push('c.closed_on IS NULL');
    if (query.status === 'closed') where.push('c.closed_on IS NOT NULL');
    if (query.mine) where.push(`c.lead_adviser_id = ${param(userId)}`);
    if (query.dueFollowUp) {
      where.push(`c.closed_on <= ${param(todayInLondon())}::date - make_interval(months => ${FOLLOW_UP_DUE_MONTHS})`);
      where.push(
        `NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.organisation_id = c.organisation_id AND f.case_id = c.id)`,
      );
    }
    const search = query.search?.trim();
    if (search) {
      const p = param(containsPattern(search));
      const district = param(search.toUpperCase());
      where.push(
        `(c.ref ILIKE ${p} OR concat_ws(' ', cl.first_name, cl.last_name) ILIKE ${p} OR cl.ref ILIKE ${p}
          OR cl.postcode_district = ${district})`,
      );
    }
    const rows: CaseListRow[] = await this.uow.manager.query(
      `SELECT c.id, c.ref, c.client_id,
              coalesce(nullif(concat_ws(' ', cl.first_name, cl.last_name), ''), cl.ref) AS client_name,
              c.category, c.subcategory, c.opened_on::text AS opened_on, c.closed_on::text AS closed_on,
              c.lead_adviser_id, u.name AS lead_adviser_name, c.version, count(*) OVER () AS total
         FROM cases c
         JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
         JOIN users u ON u.organisation_id = c.organisation_id AND u.id = c.lead_adviser_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.opened_on DESC, c.ref
        LIMIT ${param(limit)} OFFSET ${param(offset)}`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : await this.count(where, params.slice(0, -2));
    return {
      items: rows.map((r) => ({
        id: r.id,
        ref: r.ref,
        clientId: r.client_id,
        clientName: r.client_name,
        category: r.category,
        subcategory: r.subcategory,
        openedOn: r.opened_on,
        closedOn: r.closed_on,
        status: r.closed_on ? 'closed' : 'open',
        leadAdviserId: r.lead_adviser_id,
        leadAdviserName: r.lead_adviser_name,
        version: r.version,
      })),
      total,
      limit,
      offset,
    };
  }

  /** The total when the page is past the end (the window count needs at least one row). */
  private async count(where: string[], params: unknown[]): Promise<number> {
    const [row]: Array<{ n: number }> = await this.uow.manager.query(
      `SELECT count(*)::int AS n FROM cases c
         JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
        WHERE ${where.join(' AND ')}`,
      params,
    );
    return row.n;
  }

  async find(organisationId: string, caseId: string, manager: EntityManager = this.uow.manager): Promise<CaseEntity> {
    const found = await manager.findOneBy(CaseEntity, { organisationId, id: caseId });
    if (!found) throw notFound('Case');
    return found;
  }

  /** Opens a case; with `conflictCheck`, the client's check and its decision are stored with it, all or nothing. */
  async create(organisationId: string, userId: string, input: CreateCaseDto): Promise<CaseDto> {
    if (!input.conflictCheck) return this.insert(this.uow.manager, organisationId, userId, input);
    const decision = input.conflictCheck;
    return this.uow.transaction(async (m) => {
      const created = await this.insert(m, organisationId, userId, input);
      await this.conflicts.record(m, organisationId, userId, { caseId: created.id }, decision);
      return created;
    });
  }

  private async insert(
    m: EntityManager,
    organisationId: string,
    userId: string,
    input: CreateCaseDto,
  ): Promise<CaseDto> {
    await this.subcategories.check(m, organisationId, input.category, input.subcategory);
    const id = randomUUID();
    const created = await withFieldErrors(
      m.save(
        m.create(CaseEntity, {
          id,
          organisationId,
          ref: input.ref ?? `C-${id.slice(0, 8).toUpperCase()}`,
          clientId: input.clientId,
          officeId: input.officeId ?? null,
          category: input.category,
          subcategory: input.subcategory ?? null,
          openedOn: input.openedOn ?? todayInLondon(),
          firstContactOn: input.firstContactOn ?? null,
          closedOn: null,
          leadAdviserId: input.leadAdviserId ?? userId,
          fundingStream: input.fundingStream,
          arrivalRoute: input.arrival.route,
          referrerPartnerId: input.arrival.referrerPartnerId ?? null,
          priorOrganisationsContacted: input.priorOrganisationsContacted ?? null,
          timesToldStoryBefore: input.timesToldStoryBefore ?? null,
          confidenceAtIntake: input.confidenceAtIntake ?? null,
        }),
        { transaction: false },
      ),
      CASE_FIELD_ERRORS,
    );
    return toCaseDto(created);
  }

  async update(organisationId: string, caseId: string, input: UpdateCaseDto): Promise<CaseDto> {
    const { version, arrival, leadAdviserId, ...fields } = input;
    // A handover is supervision: only /reassign (managers and admins) makes it, and audits who had the case.
    if (leadAdviserId !== undefined)
      throw new DomainError('unprocessable', 'leadAdviserId is changed by POST /api/cases/{id}/reassign', [
        { path: 'leadAdviserId', message: 'is changed by POST /api/cases/{id}/reassign, which records the handover' },
      ]);
    if (fields.subcategory !== undefined || fields.category !== undefined) {
      const held = await this.find(organisationId, caseId);
      const category = fields.category ?? held.category;
      const subcategory = fields.subcategory !== undefined ? fields.subcategory : held.subcategory;
      await this.subcategories.check(this.uow.manager, organisationId, category, subcategory, held);
    }
    const updated = await updateVersioned(this.uow.manager, {
      entity: CaseEntity,
      what: 'Case',
      organisationId,
      id: caseId,
      version,
      changes: {
        ...fields,
        ...(arrival ? { arrivalRoute: arrival.route, referrerPartnerId: arrival.referrerPartnerId ?? null } : {}),
      },
      toDto: toCaseDto,
      errors: CASE_FIELD_ERRORS,
    });
    return toCaseDto(updated);
  }

  async detail(organisationId: string, caseId: string): Promise<CaseDetailDto> {
    const m = this.uow.manager;
    const c = await this.find(organisationId, caseId, m);
    const scope = { organisationId, caseId };
    const [
      client,
      timeEntries,
      feedback,
      assessment,
      problems,
      referrals,
      outcome,
      benefits,
      followUps,
      notes,
      measures,
      legalAid,
    ] = await this.uow.all([
      () => m.findOneByOrFail(ClientEntity, { organisationId, id: c.clientId }),
      () => m.find(TimeEntryEntity, { where: scope, order: { on: 'ASC', createdAt: 'ASC' } }),
      () => m.find(FeedbackEntity, { where: scope, order: { on: 'ASC', createdAt: 'ASC' } }),
      () => m.findOneBy(AssessmentEntity, scope),
      () => m.find(ProblemEntity, { where: scope, order: { uncoveredOn: 'ASC', createdAt: 'ASC' } }),
      () => m.find(ReferralEntity, { where: scope, order: { on: 'ASC', createdAt: 'ASC' } }),
      () => m.findOneBy(OutcomeEntity, scope),
      () => m.find(OutcomeBenefitEntity, { where: scope, order: { createdAt: 'ASC', id: 'ASC' } }),
      () => m.find(FollowUpEntity, { where: scope, order: { on: 'ASC', createdAt: 'ASC' } }),
      () => m.find(CaseNoteEntity, { where: scope, order: { on: 'ASC', createdAt: 'ASC', id: 'ASC' } }),
      () => caseMeasures(m, organisationId, caseId),
      () => m.findOneBy(CaseLegalAidEntity, scope),
    ]);
    const partnerIds = [...referrals.map((r) => r.partnerId), ...(c.referrerPartnerId ? [c.referrerPartnerId] : [])];
    const [names, partners, office] = await this.uow.all([
      () =>
        userNames(m, organisationId, [
          c.leadAdviserId,
          ...timeEntries.map((t) => t.adviserId),
          ...notes.flatMap((n) => [n.authorId, ...(n.editedById ? [n.editedById] : [])]),
        ]),
      () =>
        partnerIds.length
          ? m.find(PartnerEntity, {
              select: { id: true, name: true },
              where: partnerIds.map((id) => ({ organisationId, id })),
            })
          : Promise.resolve([]),
      () => (c.officeId ? m.findOneBy(OfficeEntity, { organisationId, id: c.officeId }) : Promise.resolve(null)),
    ]);
    const partnerName = new Map(partners.map((p) => [p.id, p.name]));
    return {
      ...toCaseDto(c),
      client: {
        id: client.id,
        ref: client.ref,
        firstName: client.firstName,
        lastName: client.lastName,
        dateOfBirth: client.dateOfBirth,
        postcodeDistrict: client.postcodeDistrict,
        vulnerabilities: client.vulnerabilities,
        evidenceConsent: client.evidenceConsent,
        contactSafety: toContactSafetyDto(client),
        equality: toEqualityDto(client),
      },
      leadAdviserName: names.get(c.leadAdviserId) ?? '',
      officeName: office?.name ?? null,
      referrerName: c.referrerPartnerId ? (partnerName.get(c.referrerPartnerId) ?? null) : null,
      timeEntries: timeEntries.map((t) => toTimeEntryDto(t, names.get(t.adviserId) ?? '')),
      feedback: feedback.map(toFeedbackDto),
      assessment: assessment ? toAssessmentDto(assessment) : null,
      problems: problems.map(toProblemDto),
      referrals: referrals.map((r) => toReferralDto(r, partnerName.get(r.partnerId) ?? null)),
      outcome: outcome ? toOutcomeDto(outcome, benefits) : null,
      followUps: followUps.map(toFollowUpDto),
      notes: notes.map((n) => toNoteDto(n, names)),
      measures,
      legalAid: legalAid ? toLegalAidDto(legalAid) : null,
    };
  }
}
