import type { LegalAidAnswers } from '@deepvalue/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, invalid, notFound, staleVersion } from '../common/domain-error.js';
import { todayInLondon } from '../common/dates.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { CaseLegalAidEntity } from './case-legal-aid.entity.js';
import { equalityProblems, legalAidProblems, normaliseEquality, normaliseLegalAid } from './legal-aid-checks.js';
import { LegalAidCodesService } from './legal-aid-codes.service.js';
import {
  type ClientEqualityDto,
  type EqualityInputDto,
  type LegalAidDto,
  type LegalAidInputDto,
  toLegalAidDto,
} from './legal-aid.dto.js';
import { nextUfn, ufnLockKey } from './ufn.js';

const unprocessable = (errors: { path: string; message: string }[]) =>
  new DomainError('unprocessable', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);

@Injectable()
export class LegalAidService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lists: LegalAidCodesService,
  ) {}

  async get(organisationId: string, caseId: string): Promise<LegalAidDto> {
    const m = this.uow.manager;
    const row = await m.findOneBy(CaseLegalAidEntity, { organisationId, caseId });
    if (row) return toLegalAidDto(row);
    const [kase] = await m.query(`SELECT 1 FROM cases WHERE organisation_id = $1 AND id = $2`, [
      organisationId,
      caseId,
    ]);
    throw notFound(kase ? 'Legal aid details of this case' : 'Case');
  }

  /**
   * Records (or replaces) the case's legal aid details. A category of law that maps to one of Deep
   * Value's categories sets the case's category too, so a legal aid case is classified once.
   */
  put(organisationId: string, caseId: string, input: LegalAidInputDto): Promise<LegalAidDto> {
    return this.uow.transaction(async (m) => {
      const [kase]: Array<{ opened_on: string; category: string }> = await m.query(
        `SELECT opened_on::text AS opened_on, category FROM cases WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [organisationId, caseId],
      );
      if (!kase) throw notFound('Case');
      const { version, ...given } = input;
      const answers = normaliseLegalAid(given);
      const problems = legalAidProblems(this.lists.codes, answers, todayInLondon());
      if (problems.length) throw unprocessable(problems);

      const existing = await m.findOne(CaseLegalAidEntity, {
        where: { organisationId, caseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing && version === undefined)
        throw invalid([{ path: 'version', message: 'is required: the case already has legal aid details' }]);
      if (existing && version !== existing.version) throw staleVersion(toLegalAidDto(existing));

      const ufn = answers.ufn ?? existing?.ufn ?? (await this.freeUfn(m, organisationId, kase.opened_on));
      await this.lockDay(m, organisationId, ufn);
      const [clash]: Array<{ ref: string }> = await m.query(
        `SELECT c.ref FROM case_legal_aid l JOIN cases c ON c.organisation_id = l.organisation_id AND c.id = l.case_id
          WHERE l.organisation_id = $1 AND l.ufn = $2 AND l.case_id <> $3`,
        [organisationId, ufn, caseId],
      );
      if (clash)
        throw new DomainError('conflict', `ufn ${ufn} is already used`, [
          { path: 'ufn', message: `"${ufn}" is already the Unique File Number of case ${clash.ref}` },
        ]);

      const values = columns({ ...answers, ufn });
      const [saved]: Array<{ id: string }> = await m.query(
        `INSERT INTO case_legal_aid (organisation_id, case_id, ${Object.keys(values).join(', ')})
         VALUES ($1, $2, ${Object.keys(values).map((_, i) => `$${i + 3}`)})
         ON CONFLICT (organisation_id, case_id) DO UPDATE SET
           ${Object.keys(values)
             .map((c) => `${c} = EXCLUDED.${c}`)
             .join(', ')},
           version = case_legal_aid.version + 1, updated_at = EXCLUDED.updated_at
         RETURNING id`,
        [organisationId, caseId, ...Object.values(values)],
      );
      const mapped = this.lists.codes.categories.find((c) => c.code === answers.categoryOfLaw)?.deepValueCategory;
      if (mapped && mapped !== kase.category)
        await m.query(
          `UPDATE cases SET category = $3, version = version + 1, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
          [organisationId, caseId, mapped],
        );
      return toLegalAidDto(await m.findOneByOrFail(CaseLegalAidEntity, { organisationId, id: saved.id }));
    });
  }

  /** Replaces the client's three equality monitoring answers. */
  putEquality(organisationId: string, clientId: string, input: EqualityInputDto): Promise<ClientEqualityDto> {
    return this.uow.transaction(async (m) => {
      const [client]: Array<{ version: number }> = await m.query(
        `SELECT version FROM clients WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [organisationId, clientId],
      );
      if (!client) throw notFound('Client');
      const answers = normaliseEquality({
        gender: input.gender ?? null,
        ethnicity: input.ethnicity ?? null,
        disability: input.disability ?? null,
      });
      if (input.version !== client.version) throw staleVersion({ clientId, version: client.version });
      const problems = equalityProblems(this.lists.codes, answers);
      if (problems.length) throw unprocessable(problems);
      const [row]: Array<{ version: number }> = await m.query(
        `WITH changed AS (
           UPDATE clients SET equality_gender = $3, equality_ethnicity = $4, equality_disability = $5,
             version = version + 1, updated_at = now()
           WHERE organisation_id = $1 AND id = $2 RETURNING version)
         SELECT version FROM changed`,
        [organisationId, clientId, answers.gender, answers.ethnicity, answers.disability],
      );
      return {
        clientId,
        gender: answers.gender ?? null,
        ethnicity: answers.ethnicity ?? null,
        disability: answers.disability ?? null,
        version: row.version,
      };
    });
  }

  /** Holds the organisation's numbers of one day until the transaction ends, so two files never get one UFN. */
  private async lockDay(m: EntityManager, organisationId: string, ufn: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [ufnLockKey(organisationId, ufn)]);
  }

  private async freeUfn(m: EntityManager, organisationId: string, openedOn: string): Promise<string> {
    const first = nextUfn(openedOn, []);
    await this.lockDay(m, organisationId, first);
    const used: Array<{ ufn: string }> = await m.query(
      `SELECT ufn FROM case_legal_aid WHERE organisation_id = $1 AND ufn LIKE $2`,
      [organisationId, `${first.slice(0, 7)}%`],
    );
    try {
      return nextUfn(
        openedOn,
        used.map((u) => u.ufn),
      );
    } catch {
      throw unprocessable([{ path: 'ufn', message: `999 files were already opened on ${openedOn}: give the UFN` }]);
    }
  }
}

/** The record's columns, in the table's names. */
function columns(a: LegalAidAnswers & { ufn: string }): Record<string, string | number | null> {
  return {
    category_of_law: a.categoryOfLaw,
    ufn: a.ufn,
    matter_type_1: a.matterType1 ?? null,
    matter_type_2: a.matterType2 ?? null,
    stage_reached: a.stageReached ?? null,
    outcome_code: a.outcomeCode ?? null,
    fee_code: a.feeCode ?? null,
    exemption_criteria: a.exemptionCriteria ?? null,
    access_point: a.accessPoint ?? null,
    procurement_area: a.procurementArea ?? null,
    client_postcode: a.clientPostcode ?? null,
    disbursements_gbp: a.disbursementsGbp ?? null,
    disbursements_vat_gbp: a.disbursementsVatGbp ?? null,
    counsel_costs_gbp: a.counselCostsGbp ?? null,
  };
}
