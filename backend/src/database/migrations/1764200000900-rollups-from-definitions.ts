/**
 * The roll-ups count each outcome measure exactly as analytics/outcome-measures.sql.ts defines it:
 * the conditions below are the text `outcomeRollupCounts()` generates from those definitions
 * (successes counted among the eligible cases), written out literally because a migration is a
 * snapshot. They count the same cases as the conditions they replace (each new condition is the
 * old one joined with what it already implied), so the rebuilt roll-ups hold the same numbers;
 * analytics/rollup-definitions.e2e.spec.ts checks the installed functions against the definitions.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { CountedColumns } from './1763900000100-report-rollups.js';
import { restateRollups } from './1764100000200-avoided-appeal-reason.js';
import { ROLLUP_COUNTED_WITH_FOLLOW_UP, ROLLUP_FACTS_WITH_FOLLOW_UP } from './1764100000210-follow-up-known.js';

const KNOWN = `appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')`;
const AVOIDED = `appeal = 'considered_not_pursued' AND accepted AND coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'`;

const GENERATED: Record<string, string> = {
  n_with_result: `result IN ('positive', 'partly_positive', 'negative')`,
  n_positive: `(result IN ('positive', 'partly_positive', 'negative')) AND (result IN ('positive', 'partly_positive'))`,
  n_accept_asked: `accepted IS NOT NULL`,
  n_accepted: `(accepted IS NOT NULL) AND (accepted)`,
  n_negative_appeal_known: `result = 'negative' AND (${KNOWN})`,
  n_negative_avoided: `(result = 'negative' AND (${KNOWN})) AND ((${AVOIDED}))`,
  n_closed: `true`,
  n_uncovered: `problems_count > 0`,
  n_followed_up: `followed_up`,
  n_bounce_back: `(followed_up) AND (same_problem_recontact_6m)`,
};

export const ROLLUP_COUNTED_FROM_DEFINITIONS: CountedColumns = ROLLUP_COUNTED_WITH_FOLLOW_UP.map(
  ([column, condition]) => [column, GENERATED[column] ?? condition],
);

export class RollupsFromDefinitions1764200000900 implements MigrationInterface {
  name = 'RollupsFromDefinitions1764200000900';

  async up(q: QueryRunner): Promise<void> {
    await restateRollups(q, ROLLUP_COUNTED_FROM_DEFINITIONS, ROLLUP_FACTS_WITH_FOLLOW_UP);
  }

  async down(q: QueryRunner): Promise<void> {
    await restateRollups(q, ROLLUP_COUNTED_WITH_FOLLOW_UP, ROLLUP_FACTS_WITH_FOLLOW_UP);
  }
}
