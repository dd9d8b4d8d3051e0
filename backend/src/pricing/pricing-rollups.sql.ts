/**
 * Pricing's roll-up (docs/architecture.md, How a figure travels), generated from the definitions pricing-aggregates.repository.ts reads
 * the facts with: case_pricing_rollups holds, per organisation × dimension value × closing month ×
 * consent × category × band of relationship time, the cases and their adviser time, the avoided
 * appeals and bounce-backs avoided (the maturity cut-off applied when read), and per benefit type
 * the cases recording it, its £ and the rows without an amount (SAME_AVOIDED_EVENT applied). Since
 * migration 1764800000000 it also holds the evidence pack's cell sums (analytics/pack-cells.sql.ts:
 * packCellColumns(), after these case columns), which the pack reads from it.
 * Migration 1764540000000 writes these texts out literally (a migration is a snapshot) and
 * pricing/pricing-rollups.e2e.spec.ts checks that the installed functions still say exactly this.
 */
import { BENEFIT_TYPES } from '@deepvalue/shared';

import { AVOIDED_APPEAL, OUTCOME_MEASURE_SQL } from '../analytics/outcome-measures.sql.js';

import type { RollupColumn } from '../analytics/measure-rollups.sql.js';

import { SAME_AVOIDED_EVENT } from './benefit-mapping.js';

const oneIf = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

/** Per case `f`: the cells' columns of case_pricing_rollups (after its key), in order. */
export function pricingCaseColumns(): RollupColumn[] {
  const bounceBack = OUTCOME_MEASURE_SQL.bounce_back;
  return [
    { column: 'cases', type: 'bigint', perCase: '1' },
    { column: 'total_minutes', type: 'bigint', perCase: 'f.total_minutes' },
    { column: 'relationship_minutes', type: 'bigint', perCase: 'f.relationship_minutes' },
    { column: 'avoided_appeal', type: 'bigint', perCase: oneIf(AVOIDED_APPEAL) },
    {
      column: 'bounce_back_avoided',
      type: 'bigint',
      perCase: oneIf(`${bounceBack.eligible} AND NOT ${bounceBack.success}`),
    },
  ];
}

/** A benefit row `b(type, amount)` of case `f` that pricing counts as an event of `type`. */
function benefitCounted(type: string): string {
  const same = SAME_AVOIDED_EVENT.filter((s) => s.event === type).map(
    (s) => ` AND NOT (f.benefit_types @> ARRAY['${s.sameAs}']::text[])`,
  );
  return `b.type = '${type}'${same.join('')}`;
}

/**
 * Per case `f`: each benefit type's columns, as aggregates over the case's benefit rows
 * `b(type, amount)` (one lateral per case, so the rows are read once).
 */
export function pricingBenefitColumns(): RollupColumn[] {
  return BENEFIT_TYPES.flatMap((benefit): RollupColumn[] => {
    const counted = benefitCounted(benefit);
    return [
      { column: `benefit_${benefit}_cases`, type: 'bigint', perCase: `count(*) FILTER (WHERE ${counted})` },
      {
        column: `benefit_${benefit}_gbp`,
        type: 'numeric',
        perCase: `coalesce(sum(b.amount) FILTER (WHERE ${counted}), 0)`,
      },
      {
        column: `benefit_${benefit}_without`,
        type: 'bigint',
        perCase: `count(*) FILTER (WHERE ${counted} AND b.amount IS NULL)`,
      },
    ];
  });
}
