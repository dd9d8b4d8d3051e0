/**
 * The case-mix-adjusted estimate per outcome measure (docs/measures.md): odds ratio per doubling of
 * relationship time with its 95% interval. A model estimate is not a small count: it is published
 * whenever the model converged, beside the measure's n as the tables publish it (rounded). The model
 * itself needs at least 30 cases with 5 or more on each side of the outcome.
 */
import { labelOf, MEASURES, OUTCOME_MEASURES, type AdjustedEstimate, type OutcomeMeasure } from '@deepvalue/shared';
import { MIN_CASES_PER_OUTCOME, MIN_MODEL_CASES } from '../../analytics/statistics/time-vs-outcome-model.js';
import type { PackTable } from '@deepvalue/shared';

const TOO_FEW =
  `Not estimated: too few cases (the model needs at least ${MIN_MODEL_CASES} cases, ` +
  `at least ${MIN_CASES_PER_OUTCOME} with the outcome and ${MIN_CASES_PER_OUTCOME} without).`;

/**
 * The model's covariates in words for a reader ("category: debt" → "category (Debt, against the most
 * common category)"), never as codes.
 */
export function covariatesInWords(covariates: readonly string[]): string | null {
  const levels = (prefix: string) =>
    covariates.filter((c) => c.startsWith(`${prefix}: `)).map((c) => labelOf(c.slice(prefix.length + 2)));
  const parts: string[] = [];
  const categories = levels('category');
  if (categories.length) parts.push(`category (${categories.join(', ')}, each against the most common category)`);
  if (covariates.includes('vulnerability flags')) parts.push('number of vulnerability flags');
  const funding = levels('funding');
  if (funding.length) parts.push(`funding stream (${funding.join(', ')}, each against the most common one)`);
  return parts.join('; ') || null;
}

const round = (x: number | null, places = 3) => (x === null ? null : Number(x.toFixed(places)));

export function adjustedTable(
  estimates: Record<OutcomeMeasure, AdjustedEstimate>,
  publishedN: Record<OutcomeMeasure, number>,
): PackTable {
  return {
    name: 'adjusted-estimates',
    sheet: 'Adjusted estimates',
    title: 'Case-mix-adjusted association with relationship time',
    description:
      'Logistic regression of each outcome on log2(relationship minutes ÷ 60, at least 15 minutes), category, ' +
      'number of vulnerability flags and funding stream. The odds ratio is per doubling of relationship time; ' +
      'above 1 means the outcome was more common with more relationship time after adjustment; an interval that ' +
      'includes 1 shows no clear association. It is an association in observational data, not proof of cause.',
    note: null,
    columns: [
      { key: 'measure', label: 'Measure', kind: 'text' },
      { key: 'odds_ratio_per_doubling', label: 'Odds ratio per doubling', kind: 'ratio' },
      { key: 'ci_low', label: '95% interval from', kind: 'ratio' },
      { key: 'ci_high', label: '95% interval to', kind: 'ratio' },
      { key: 'n', label: 'n (cases)', kind: 'count' },
      { key: 'adjusted_for', label: 'Adjusted for', kind: 'text' },
      { key: 'status', label: 'Status', kind: 'text' },
    ],
    rows: OUTCOME_MEASURES.map((measure) => {
      const estimate = estimates[measure];
      const n = publishedN[measure];
      const label = MEASURES[measure].label;
      const tooFew = estimate.oddsRatioPerDoubling === null && estimate.iterations === 0;
      return {
        measure: label,
        odds_ratio_per_doubling: round(estimate.oddsRatioPerDoubling),
        ci_low: round(estimate.ciLow),
        ci_high: round(estimate.ciHigh),
        n,
        adjusted_for: covariatesInWords(estimate.covariates),
        status: tooFew ? TOO_FEW : (estimate.note ?? 'Estimated'),
      };
    }),
  };
}
