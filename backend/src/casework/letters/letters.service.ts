import { Injectable } from '@nestjs/common';
import { labelOf, subcategoryLabel, longDate } from '@deepvalue/shared';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../../audit/audit.service.js';
import { DomainError, notFound, staleVersion } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { constraintName } from '../../database/constraint-name.js';
import { todayInLondon } from '../../common/dates.js';
import type { DocumentDto } from '../documents/document.dto.js';
import { DocumentsService } from '../documents/documents.service.js';
import {
  type CreateLetterTemplateDto,
  type GenerateLetterDto,
  type LetterTemplateDto,
  type LetterTemplateRow,
  toLetterTemplateDto,
  type UpdateLetterTemplateDto,
} from './letter.dto.js';
import { letterFile } from './letter-files.js';
import { blocksOf, fillTemplate, type LetterValues, templateProblems } from './letter-text.js';

const SELECT = `SELECT t.id, t.key, t.name, t.body, u.name AS updated_by_name, t.updated_at, t.version
  FROM letter_templates t LEFT JOIN users u ON u.organisation_id = t.organisation_id AND u.id = t.updated_by_id`;

/** 2026-03-05 → "5 March 2026", as letters write dates. */
const letterDate = (iso: string | null) => (iso ? longDate(iso) : null);

@Injectable()
export class LettersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
  ) {}

  async list(organisationId: string): Promise<LetterTemplateDto[]> {
    const m = this.uow.manager;
    const rows: LetterTemplateRow[] = await m.query(
      `${SELECT} WHERE t.organisation_id = $1 ORDER BY t.key IS NULL, t.key, t.name`,
      [organisationId],
    );
    return rows.map(toLetterTemplateDto);
  }

  create(organisationId: string, actor: Actor, input: CreateLetterTemplateDto): Promise<LetterTemplateDto> {
    checkBody(input.body);
    return this.uow.transaction(async (m) => {
      const [{ id }]: Array<{ id: string }> = await uniqueName(
        m.query(
          `INSERT INTO letter_templates (organisation_id, name, body, updated_by_id) VALUES ($1, $2, $3, $4) RETURNING id`,
          [organisationId, input.name.trim(), input.body, actor.userId],
        ),
      );
      await this.record(m, organisationId, actor, 'create', id);
      return this.find(m, organisationId, id);
    });
  }

  update(organisationId: string, actor: Actor, id: string, input: UpdateLetterTemplateDto): Promise<LetterTemplateDto> {
    if (input.body !== undefined) checkBody(input.body);
    return this.uow.transaction(async (m) => {
      const [rows]: [Array<{ id: string }>, number] = await uniqueName(
        m.query(
          `UPDATE letter_templates SET name = coalesce($4, name), body = coalesce($5, body), updated_by_id = $6,
             version = version + 1, updated_at = now()
           WHERE organisation_id = $1 AND id = $2 AND version = $3 RETURNING id`,
          [organisationId, id, input.version, input.name?.trim() ?? null, input.body ?? null, actor.userId],
        ),
      );
      if (rows.length === 0) throw staleVersion(await this.find(m, organisationId, id));
      await this.record(m, organisationId, actor, 'update', id);
      return this.find(m, organisationId, id);
    });
  }

  /** Removes a template of the organisation's own; the shipped three can be reworded, not removed. */
  remove(organisationId: string, actor: Actor, id: string, version?: number): Promise<void> {
    return this.uow.transaction(async (m) => {
      const current = await this.find(m, organisationId, id);
      if (current.key)
        throw new DomainError('conflict', `${current.name} is shipped with Deep Value: change its text instead`);
      if (version !== undefined && version !== current.version) throw staleVersion(current);
      await m.query(`DELETE FROM letter_templates WHERE organisation_id = $1 AND id = $2`, [organisationId, id]);
      await this.record(m, organisationId, actor, 'delete', id);
    });
  }

  /** Fills the template in with the case's fields and keeps the letter as a document on the case. */
  async generate(
    organisationId: string,
    userId: string,
    caseId: string,
    input: GenerateLetterDto,
  ): Promise<DocumentDto> {
    const m = this.uow.manager;
    await this.documents.assertCase(organisationId, caseId);
    const [template]: LetterTemplateRow[] = await m.query(`${SELECT} WHERE t.organisation_id = $1 AND t.id = $2`, [
      organisationId,
      input.templateId,
    ]);
    if (!template)
      throw new DomainError('unprocessable', 'templateId is not a letter template of your organisation', [
        { path: 'templateId', message: 'is not a letter template of your organisation' },
      ]);
    const values = await this.values(m, organisationId, userId, caseId);
    const format = input.format ?? 'pdf';
    const file = await letterFile(blocksOf(fillTemplate(template.body, values)), format, template.name);
    const fileName = `${template.name} ${values['case.ref']} ${todayInLondon()}.${format}`.replace(/[\\/]/g, '-');
    return this.documents.add(organisationId, userId, caseId, { fileName, content: file, source: 'letter' });
  }

  private async values(
    m: EntityManager,
    organisationId: string,
    userId: string,
    caseId: string,
  ): Promise<LetterValues> {
    const [row]: Array<Record<string, string | null>> = await m.query(
      `SELECT c.ref, c.category, c.subcategory, c.opened_on::text AS opened_on, c.closed_on::text AS closed_on,
              c.funding_stream, cl.first_name, cl.last_name, cl.date_of_birth::text AS date_of_birth, cl.ref AS client_ref,
              a.name AS adviser, me.name AS me, o.name AS organisation,
              (SELECT p.name FROM case_parties p WHERE p.organisation_id = c.organisation_id AND p.case_id = c.id
                 AND p.role = 'opponent' ORDER BY p.created_at, p.id LIMIT 1) AS opponent
       FROM cases c
       JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
       JOIN organisations o ON o.id = c.organisation_id
       LEFT JOIN users a ON a.organisation_id = c.organisation_id AND a.id = c.lead_adviser_id
       LEFT JOIN users me ON me.organisation_id = c.organisation_id AND me.id = $3
       WHERE c.organisation_id = $1 AND c.id = $2`,
      [organisationId, caseId, userId],
    );
    if (!row) throw notFound('Case');
    const fullName = [row.first_name, row.last_name].filter(Boolean).join(' ') || null;
    return {
      today: letterDate(todayInLondon()),
      'organisation.name': row.organisation,
      'client.firstName': row.first_name,
      'client.lastName': row.last_name,
      'client.fullName': fullName,
      'client.dateOfBirth': letterDate(row.date_of_birth),
      'client.ref': row.client_ref,
      'case.ref': row.ref,
      'case.category': row.category ? labelOf(row.category).toLowerCase() : null,
      'case.subcategory': row.subcategory ? subcategoryLabel(row.subcategory) : null,
      'case.openedOn': letterDate(row.opened_on),
      'case.closedOn': letterDate(row.closed_on),
      'case.fundingStream': row.funding_stream ? labelOf(row.funding_stream) : null,
      'adviser.name': row.adviser,
      'user.name': row.me,
      'opponent.name': row.opponent,
    };
  }

  private async find(m: EntityManager, organisationId: string, id: string): Promise<LetterTemplateDto> {
    const [row]: LetterTemplateRow[] = await m.query(`${SELECT} WHERE t.organisation_id = $1 AND t.id = $2`, [
      organisationId,
      id,
    ]);
    if (!row) throw notFound('Letter template');
    return toLetterTemplateDto(row);
  }

  private record(m: EntityManager, organisationId: string, actor: Actor, operation: string, id: string) {
    return this.audit.record(
      { organisationId, ...actor, action: 'admin', entity: 'letter_template', entityIds: [id], details: { operation } },
      m,
    );
  }
}

function checkBody(body: string): void {
  const problems = templateProblems(body);
  if (problems.length)
    throw new DomainError(
      'unprocessable',
      `body ${problems.join('; ')}`,
      problems.map((message) => ({ path: 'body', message })),
    );
}

async function uniqueName<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const driver =
      error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : {};
    if (driver.code === '23505' && constraintName(driver) === 'letter_templates_organisation_id_name_key')
      throw new DomainError('conflict', 'name is already used by another template', [
        { path: 'name', message: 'is already used by another letter template' },
      ]);
    throw error;
  }
}
