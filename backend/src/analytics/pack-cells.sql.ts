/**
 * The evidence pack's cells (category × band of relationship time × consent): what each closed case adds
 * to them, from the one definition of each measure. The pack reads these sums from case_pricing_rollups
 * (its key is the cells' key by closing month; pricing/pricing-rollups.sql.ts) or, the straightforward
 * way, from the facts (evidence/evidence.repository.ts); both use the texts below, so they count alike.
 */
import { OUTCOME_MEASURES, PACK_MEANS, PACK_RATES, type OutcomeMeasure, type PackMean } from '@deepvalue/shared';

import { CASE_VALUE_SQL, RATE_MEASURE_SQL, SCORE_SQL } from './measures.sql.js';
import type { RollupColumn } from './measure-rollups.sql.js';
import { OUTCOME_MEASURE_SQL } from './outcome-measures.sql.js';

/** Per-case values the pack publishes as a mean by band of relationship time (the one definition of each). */
export const PACK_MEAN_SQL: Record<PackMean, { value: string; applies: string }> = {
  rqi: CASE_VALUE_SQL.rqi,
  continuity: CASE_VALUE_SQL.continuity,
  bounce_in: CASE_VALUE_SQL.bounce_in,
  confidence_change: SCORE_SQL.confidence_change,
  understood: SCORE_SQL.understood,
  trust: SCORE_SQL.trust,
  did_not_repeat_story: SCORE_SQL.did_not_repeat_story,
};

/** A column name's stem for a measure (`positive_outcome` → `positiveoutcome`), as the cells' queries alias them. */
export const packColumnOf = (measure: string) => measure.replace(/_/g, '');

/** A cell sum; `mature`: counted only for cases mature by the as-of date (bounce-back), a cut-off applied on reading. */
export interface PackCellColumn extends RollupColumn {
  mature: boolean;
}

const oneIf = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
const valueIf = (condition: string, value: string) => `CASE WHEN ${condition} THEN ${value} ELSE 0 END`;

/**
 * Per case `f`: each cell sum the pack reads besides the number of cases, named `pack_<stem>_<part>` (read back as `<stem>_<part>`)
 * (the negative results; outcome measures: n and count; rates: n, count and unknown; means: n and Σ in numeric, exact in any order).
 */
export function packCellColumns(): PackCellColumn[] {
  const column = (
    stem: string,
    part: string,
    type: RollupColumn['type'],
    perCase: string,
    mature = false,
  ): PackCellColumn => ({ column: `pack_${stem}${part ? `_${part}` : ''}`, type, perCase, mature });
  const matures = (m: OutcomeMeasure) => Boolean(OUTCOME_MEASURE_SQL[m].matureAfterMonths);
  return [
    column('negative', '', 'bigint', oneIf(`f.result = 'negative'`)),
    ...OUTCOME_MEASURES.flatMap((m) => {
      const { eligible, success } = OUTCOME_MEASURE_SQL[m];
      return [
        column(packColumnOf(m), 'n', 'bigint', oneIf(`(${eligible})`), matures(m)),
        column(packColumnOf(m), 'count', 'bigint', oneIf(`(${eligible}) AND (${success})`), matures(m)),
      ];
    }),
    ...PACK_RATES.flatMap((m) => {
      const sql = RATE_MEASURE_SQL[m];
      return [
        column(packColumnOf(m), 'n', 'bigint', valueIf(`(${sql.eligible})`, `coalesce(${sql.n}, 0)`)),
        column(packColumnOf(m), 'count', 'bigint', valueIf(`(${sql.eligible})`, `coalesce(${sql.count}, 0)`)),
        column(packColumnOf(m), 'unknown', 'bigint', `coalesce(${sql.unknown}, 0)`),
      ];
    }),
    ...PACK_MEANS.flatMap((m) => {
      const { value, applies } = PACK_MEAN_SQL[m];
      return [
        column(packColumnOf(m), 'n', 'bigint', oneIf(`(${applies})`)),
        column(packColumnOf(m), 'sum', 'numeric', valueIf(`(${applies})`, `coalesce((${value})::numeric, 0)`)),
      ];
    }),
  ];
}
