/**
 * Fixed fee against need, per case: the fee line and escape tests (exact numeric arithmetic: hours ×
 * rate against the fee) that both the facts query (fixed-fee.repository.ts) and the roll-up
 * case_fee_rollups count with. Migration 1764630000000 writes the roll-up's columns out literally (a
 * migration is a snapshot); analytics/fee-rollups.e2e.spec.ts checks the installed functions still
 * say exactly what feeRollupColumns() generates.
 */
import type { RollupColumn } from './measure-rollups.sql.js';
import { OUTCOME_MEASURE_SQL } from './outcome-measures.sql.js';

/** Over a case `f` met with its fee row `fee`. */
export const WITHIN_FEE = `f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60`;
export const BEYOND_FEE = `f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60`;
export const ESCAPED = `f.total_minutes * fee.hourly_rate_gbp > fee.escape_threshold_gbp * 60`;
export const ESCAPE_KNOWN = `fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL`;
export const POSITIVE = OUTCOME_MEASURE_SQL.positive_outcome;

const oneIf = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

/** The counted columns of case_fee_rollups (after its key), in order. */
export function feeRollupColumns(): RollupColumn[] {
  const count = (column: string, condition: string): RollupColumn => ({
    column,
    type: 'bigint',
    perCase: oneIf(condition),
  });
  return [
    { column: 'cases', type: 'bigint', perCase: '1' },
    { column: 'minutes', type: 'bigint', perCase: 'f.total_minutes' },
    count('within_cases', WITHIN_FEE),
    count('within_n', `${WITHIN_FEE} AND ${POSITIVE.eligible}`),
    count('within_positive', `${WITHIN_FEE} AND ${POSITIVE.success}`),
    count('beyond_cases', BEYOND_FEE),
    count('beyond_n', `${BEYOND_FEE} AND ${POSITIVE.eligible}`),
    count('beyond_positive', `${BEYOND_FEE} AND ${POSITIVE.success}`),
    count('escape_n', ESCAPE_KNOWN),
    count('escape_count', `${ESCAPE_KNOWN} AND ${ESCAPED}`),
  ];
}
