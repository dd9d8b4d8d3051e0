import { Injectable } from '@nestjs/common';
import { AuditService, type Actor } from '../../audit/audit.service.js';
import { DomainError, notFound } from '../../common/domain-error.js';
import { todayInLondon } from '../../common/dates.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { writeToCase } from '../case-child.js';
import type { CreateFileReviewDto, FileReviewDto, ReviewsDueDto } from './supervision.dto.js';

/** Months without a file review before a case is listed, when the manager does not say. */
export const DEFAULT_REVIEW_MONTHS = 3;

interface ReviewRow {
  id: string;
  case_id: string;
  reviewed_on: string;
  reviewer_id: string;
  reviewer_name: string | null;
  outcome: FileReviewDto['outcome'];
  actions: string | null;
  created_at: Date;
}

const REVIEW_COLUMNS = `r.id, r.case_id, r.reviewed_on::text AS reviewed_on, r.reviewer_id, u.name AS reviewer_name,
  r.outcome, r.actions, r.created_at`;
const REVIEW_FROM = `file_reviews r LEFT JOIN users u ON u.organisation_id = r.organisation_id AND u.id = r.reviewer_id`;

const toDto = (r: ReviewRow): FileReviewDto => ({
  id: r.id,
  caseId: r.case_id,
  reviewedOn: r.reviewed_on,
  reviewerId: r.reviewer_id,
  reviewerName: r.reviewer_name ?? '',
  outcome: r.outcome,
  actions: r.actions,
  createdAt: r.created_at.toISOString(),
});

@Injectable()
export class SupervisionService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** Gives the case to another adviser of the organisation; the audit row names both. */
  reassign(
    organisationId: string,
    actor: Actor,
    caseId: string,
    leadAdviserId: string,
  ): Promise<{ id: string; leadAdviserId: string }> {
    return this.uow.transaction(async (m) => {
      const [kase]: Array<{ lead_adviser_id: string }> = await m.query(
        `SELECT lead_adviser_id FROM cases WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [organisationId, caseId],
      );
      if (!kase) throw notFound('Case');
      const [adviser]: Array<{ active: boolean }> = await m.query(
        `SELECT active FROM users WHERE organisation_id = $1 AND id = $2 AND role IN ('adviser', 'manager')`,
        [organisationId, leadAdviserId],
      );
      if (!adviser?.active)
        throw new DomainError(
          'unprocessable',
          'leadAdviserId is not an active adviser or manager of your organisation',
          [{ path: 'leadAdviserId', message: 'is not an active adviser or manager of your organisation' }],
        );
      await m.query(
        `UPDATE cases SET lead_adviser_id = $3, version = version + 1, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
        [organisationId, caseId, leadAdviserId],
      );
      await this.audit.record(
        {
          organisationId,
          ...actor,
          action: 'update',
          entity: 'case',
          entityIds: [caseId],
          details: { operation: 'reassign', from: kase.lead_adviser_id, to: leadAdviserId },
        },
        m,
      );
      return { id: caseId, leadAdviserId };
    });
  }

  advisers(organisationId: string): Promise<Array<{ id: string; name: string }>> {
    return this.uow.manager.query(
      `SELECT id, name FROM users WHERE organisation_id = $1 AND active AND role IN ('adviser', 'manager') ORDER BY name, id`,
      [organisationId],
    );
  }

  async list(organisationId: string, caseId: string): Promise<FileReviewDto[]> {
    const m = this.uow.manager;
    const [exists] = await m.query(`SELECT 1 FROM cases WHERE organisation_id = $1 AND id = $2`, [
      organisationId,
      caseId,
    ]);
    if (!exists) throw notFound('Case');
    const rows: ReviewRow[] = await m.query(
      `SELECT ${REVIEW_COLUMNS} FROM ${REVIEW_FROM} WHERE r.organisation_id = $1 AND r.case_id = $2
       ORDER BY r.reviewed_on DESC, r.created_at DESC`,
      [organisationId, caseId],
    );
    return rows.map(toDto);
  }

  async create(
    organisationId: string,
    reviewerId: string,
    caseId: string,
    input: CreateFileReviewDto,
  ): Promise<FileReviewDto> {
    const m = this.uow.manager;
    const [{ id }]: Array<{ id: string }> = await writeToCase(
      m.query(
        `INSERT INTO file_reviews (organisation_id, case_id, reviewed_on, reviewer_id, outcome, actions)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          organisationId,
          caseId,
          input.reviewedOn ?? todayInLondon(),
          reviewerId,
          input.outcome,
          input.actions?.trim() || null,
        ],
      ),
    );
    const [row]: ReviewRow[] = await m.query(`SELECT ${REVIEW_COLUMNS} FROM ${REVIEW_FROM} WHERE r.id = $1`, [id]);
    return toDto(row);
  }

  /** Open cases whose last review (or, never reviewed, whose opening) is more than `months` ago. */
  async due(organisationId: string, months = DEFAULT_REVIEW_MONTHS): Promise<ReviewsDueDto> {
    const today = todayInLondon();
    const rows: Array<{
      id: string;
      ref: string;
      opened_on: string;
      lead_adviser_id: string;
      lead_adviser_name: string | null;
      last_reviewed_on: string | null;
      before: string;
    }> = await this.uow.manager.query(
      `WITH cutoff AS (SELECT ($2::date - make_interval(months => $3))::date AS before)
       SELECT c.id, c.ref, c.opened_on::text AS opened_on, c.lead_adviser_id, u.name AS lead_adviser_name,
              last.reviewed_on::text AS last_reviewed_on
       FROM cases c
       CROSS JOIN cutoff
       LEFT JOIN users u ON u.organisation_id = c.organisation_id AND u.id = c.lead_adviser_id
       LEFT JOIN LATERAL (SELECT max(r.reviewed_on) AS reviewed_on FROM file_reviews r
                          WHERE r.organisation_id = c.organisation_id AND r.case_id = c.id) last ON true
       WHERE c.organisation_id = $1 AND c.closed_on IS NULL
         AND coalesce(last.reviewed_on, c.opened_on) < cutoff.before
       ORDER BY coalesce(last.reviewed_on, c.opened_on), c.ref`,
      [organisationId, today, months],
    );
    const [{ before }]: Array<{ before: string }> = await this.uow.manager.query(
      `SELECT ($1::date - make_interval(months => $2))::date::text AS before`,
      [today, months],
    );
    return {
      months,
      before,
      items: rows.map((r) => ({
        id: r.id,
        ref: r.ref,
        openedOn: r.opened_on,
        leadAdviserId: r.lead_adviser_id,
        leadAdviserName: r.lead_adviser_name ?? '',
        lastReviewedOn: r.last_reviewed_on,
      })),
    };
  }
}
