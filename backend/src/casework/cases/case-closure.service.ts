/**
 * Closing and reopening a case. Closing writes the closing date, the outcome and its benefits in one
 * transaction: a case is never closed without its outcome, nor an outcome left on an open case.
 *
 * Reopening deletes the outcome and its benefits, so the reports (case_facts) no longer count the
 * case as closed with that result; the case is closed again with a fresh outcome. Follow-ups stay:
 * they happened. The audit log keeps the history of both.
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appealReasonProblem } from '@deepvalue/shared';
import { DomainError, invalid, notFound, staleVersion } from '../../common/domain-error.js';
import { refreshFactsStatement, ROUTED_FACTS_PROBE } from '../../database/facts-refresh.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { queryRows } from '../sql.js';
import { OutcomeBenefitEntity, OutcomeEntity } from '../outcomes/outcome.entity.js';
import type { CloseCaseDto, ReopenCaseDto } from '../outcomes/outcome.dto.js';
import { CaseEntity } from './case.entity.js';
import { toCaseDto } from './case.dto.js';
import type { CaseDetailDto } from './case-detail.dto.js';
import { CasesService } from './cases.service.js';

@Injectable()
export class CaseClosureService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: CasesService,
  ) {}

  async close(organisationId: string, caseId: string, input: CloseCaseDto): Promise<CaseDetailDto> {
    const reasonProblem = appealReasonProblem(input.outcome);
    if (reasonProblem) throw invalid([{ path: 'outcome.appealNotPursuedReason', message: reasonProblem }]);
    await this.uow.transaction(async (m) => {
      // The case's facts (and through them the roll-ups) are computed once, from everything written
      // here, instead of once per row: each write's trigger stands aside until refreshFactsOnce.
      await m.query(`SELECT set_config('deepvalue.defer_facts', 'on', true)`);
      const closed = await queryRows(
        m,
        `UPDATE cases SET closed_on = $4, version = version + 1, updated_at = now()
          WHERE organisation_id = $1 AND id = $2 AND version = $3 AND closed_on IS NULL AND opened_on <= $4
          RETURNING id`,
        [organisationId, caseId, input.version, input.closedOn],
      );
      if (closed.length === 0) await this.refusal(m, organisationId, caseId, input.version, 'open', input.closedOn);
      await this.removeOutcome(m, organisationId, caseId);
      const { benefits = [], ...outcome } = input.outcome;
      await m.insert(OutcomeEntity, {
        organisationId,
        caseId,
        result: outcome.result,
        understood: outcome.understood ?? null,
        accepted: outcome.accepted ?? null,
        appeal: outcome.appeal ?? null,
        appealNotPursuedReason: outcome.appealNotPursuedReason ?? null,
        confidenceBefore: outcome.confidenceBefore ?? null,
        confidenceAfter: outcome.confidenceAfter ?? null,
        wouldSeekAdviceEarlier: outcome.wouldSeekAdviceEarlier ?? null,
        couldHandleSimilar: outcome.couldHandleSimilar ?? null,
      });
      if (benefits.length) {
        await m.insert(
          OutcomeBenefitEntity,
          benefits.map((b) => ({ organisationId, caseId, type: b.type, amountGbp: b.amountGbp ?? null })),
        );
      }
      await this.refreshFactsOnce(m, organisationId, caseId);
    });
    return this.cases.detail(organisationId, caseId);
  }

  async reopen(organisationId: string, caseId: string, input: ReopenCaseDto): Promise<CaseDetailDto> {
    await this.uow.transaction(async (m) => {
      await m.query(`SELECT set_config('deepvalue.defer_facts', 'on', true)`);
      const reopened = await queryRows(
        m,
        `UPDATE cases SET closed_on = NULL, version = version + 1, updated_at = now()
          WHERE organisation_id = $1 AND id = $2 AND version = $3 AND closed_on IS NOT NULL
          RETURNING id`,
        [organisationId, caseId, input.version],
      );
      if (reopened.length === 0) await this.refusal(m, organisationId, caseId, input.version, 'closed');
      await this.removeOutcome(m, organisationId, caseId);
      await this.refreshFactsOnce(m, organisationId, caseId);
    });
    return this.cases.detail(organisationId, caseId);
  }

  /**
   * Turns the facts triggers back on and refreshes the case's facts in the same transaction; the
   * roll-up triggers on case_facts then apply the case's change once. Used after writes made with
   * deepvalue.defer_facts on (set_config local to the transaction, undone by a rolled-back savepoint).
   * On a Citus cluster the refresh runs on the organisation's shard alone (database/facts-refresh.ts).
   */
  private routedFacts: boolean | undefined;
  private async refreshFactsOnce(m: EntityManager, organisationId: string, caseId: string): Promise<void> {
    this.routedFacts ??= ((await m.query(ROUTED_FACTS_PROBE)) as Array<{ routed: boolean }>)[0].routed;
    await m.query(`SELECT set_config('deepvalue.defer_facts', 'off', true)`);
    await m.query(...refreshFactsStatement(this.routedFacts, organisationId, [caseId]));
  }

  private async removeOutcome(m: EntityManager, organisationId: string, caseId: string): Promise<void> {
    await m.delete(OutcomeBenefitEntity, { organisationId, caseId });
    await m.delete(OutcomeEntity, { organisationId, caseId });
  }

  /** Why the guarded UPDATE matched nothing, read after the fact (the write itself was atomic). */
  private async refusal(
    m: EntityManager,
    organisationId: string,
    caseId: string,
    version: number,
    expected: 'open' | 'closed',
    closedOn?: string,
  ): Promise<never> {
    const current = await m.findOneBy(CaseEntity, { organisationId, id: caseId });
    if (!current) throw notFound('Case');
    if (current.version !== version) throw staleVersion(toCaseDto(current));
    if (expected === 'open' && current.closedOn) {
      throw new DomainError('conflict', 'The case is already closed', [
        { path: 'id', message: `was already closed on ${current.closedOn}; reopen it first` },
      ]);
    }
    if (expected === 'closed' && !current.closedOn) {
      throw new DomainError('conflict', 'The case is not closed', [
        { path: 'id', message: 'is open; only a closed case can be reopened' },
      ]);
    }
    throw new DomainError('unprocessable', 'closedOn is before the case was opened', [
      {
        path: 'closedOn',
        message: `must be on or after the date the case was opened (${current.openedOn}; got ${closedOn})`,
      },
    ]);
  }
}
