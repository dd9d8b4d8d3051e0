/**
 * The adjusted estimate in one plain sentence (brief §4): odds ratio per doubling of relationship
 * time with its interval and n, or why there is no number.
 */
import type { AdjustedEstimate, OutcomeMeasure } from '@deepvalue/shared';

const OUTCOME_PHRASE: Record<OutcomeMeasure, string> = {
  positive_outcome: 'a positive outcome',
  accepted: 'the client accepting the outcome',
  avoided_appeal: 'an avoided appeal among negative outcomes',
  problem_uncovered: 'an underlying problem being uncovered',
  bounce_back: 'the client coming back about the same problem (bounce-back)',
};

const ratio = (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** "the problem's category, the number of vulnerabilities and funding stream" from the model's columns. */
export function adjustedFor(covariates: string[]): string {
  const parts: string[] = [];
  if (covariates.some((c) => c.startsWith('category'))) parts.push('the category of problem');
  if (covariates.some((c) => c.startsWith('vulnerab'))) parts.push('the number of vulnerabilities');
  if (covariates.some((c) => c.startsWith('funding'))) parts.push('the funding stream');
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function adjustedSentence(measure: OutcomeMeasure, a: AdjustedEstimate): string {
  const cases = `${a.n.toLocaleString('en-GB')} ${a.n === 1 ? 'case' : 'cases'}`;
  if (a.separation) {
    return `No adjusted estimate for these ${cases}: the outcome is completely predicted by the data (separation), so the model cannot give a reliable number.${a.note ? ` ${a.note}` : ''}`;
  }
  if (!a.converged || a.oddsRatioPerDoubling === null || a.ciLow === null || a.ciHigh === null) {
    return `No adjusted estimate for these ${cases}: the model did not settle on an answer.${a.note ? ` ${a.note}` : ''}`;
  }
  const factors = adjustedFor(a.covariates);
  const lead = factors ? `After allowing for ${factors}, each` : 'Each';
  return `${lead} doubling of relationship time goes with ${ratio(a.oddsRatioPerDoubling)} times the odds of ${OUTCOME_PHRASE[measure]} (95% interval ${ratio(a.ciLow)} to ${ratio(a.ciHigh)}; ${cases}).`;
}

/** A second, plain reading when the interval includes 1 (no clear association either way). */
export function intervalReading(a: AdjustedEstimate): string | undefined {
  if (a.ciLow === null || a.ciHigh === null || !a.converged || a.separation) return undefined;
  if (a.ciLow <= 1 && a.ciHigh >= 1)
    return 'The interval includes 1, so these cases do not show a clear association either way.';
  return undefined;
}
