/**
 * The fee rows a fee table starts from: Legal Help fixed fees and escape thresholds as the fee scheme
 * sets them (docs/pricing.md). An organisation's own table (fee-rates.service.ts) replaces them.
 */
import type { Category } from '@deepvalue/shared';

/** Legal Help escape threshold: profit costs above this multiple of the fixed fee are paid hourly. */
export const ESCAPE_MULTIPLIER = 3;

export interface FeeRow {
  category: Category;
  /** ISO date (YYYY-MM-DD) from which the fee applies; it applies until the next row for the category. */
  effectiveFrom: string;
  fixedFeeGbp: number;
  /** Profit costs at which a case escapes the fixed fee; null where the fee scheme sets none. */
  escapeThresholdGbp: number | null;
  source: string;
}

const REGS_2013 = 'Civil Legal Aid (Remuneration) Regulations 2013 Sch 1; ministryofjustice/laa-fee-scheme-api';

/**
 * Legal Help fixed fees (docs/pricing.md). Categories without a row (employment, immigration, community
 * care) have no fee here: the user enters one; nothing is assumed.
 */
export const DEFAULT_FEE_TABLE: readonly FeeRow[] = [
  { category: 'housing', effectiveFrom: '2013-04-01', fixedFeeGbp: 157, escapeThresholdGbp: 471, source: REGS_2013 },
  { category: 'housing', effectiveFrom: '2025-12-22', fixedFeeGbp: 223, escapeThresholdGbp: 669, source: REGS_2013 },
  { category: 'debt', effectiveFrom: '2013-04-01', fixedFeeGbp: 180, escapeThresholdGbp: 540, source: REGS_2013 },
  { category: 'debt', effectiveFrom: '2025-12-22', fixedFeeGbp: 256, escapeThresholdGbp: 768, source: REGS_2013 },
  {
    category: 'welfare_benefits',
    // The year only is known ("2014–"); 1 January is assumed (docs/measures.md, Fixed fee against need).
    effectiveFrom: '2014-01-01',
    fixedFeeGbp: 208,
    // laa-fee-scheme-api sets no escape limit for welfare benefits before 1 May 2025.
    escapeThresholdGbp: null,
    source: `${REGS_2013} (in force from 2014: the year only is known, so 1 January is assumed)`,
  },
  {
    category: 'welfare_benefits',
    effectiveFrom: '2025-05-01',
    fixedFeeGbp: 208,
    escapeThresholdGbp: 624,
    source: REGS_2013,
  },
];

/** The fee row in force for a category on an ISO date, or null when the table has none. */
export function feeOn(table: readonly FeeRow[], category: Category, isoDate: string): FeeRow | null {
  let found: FeeRow | null = null;
  for (const row of table) {
    // ISO dates compare correctly as strings.
    if (row.category !== category || row.effectiveFrom > isoDate) continue;
    if (found === null || row.effectiveFrom > found.effectiveFrom) found = row;
  }
  return found;
}
