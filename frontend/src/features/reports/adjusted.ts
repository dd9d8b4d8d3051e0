/**
 * The adjusted estimate in plain words (docs/measures.md): the predicted rate at 1 and 4 hours of relationship
 * time for the organisation's own mix of cases, then the odds ratio per doubling with its interval and
 * n, or why there is no number; and the model's reference groups named in words.
 */
import { labelOf, type AdjustedEstimate, type OutcomeMeasure, type PredictedRate } from '@deepvalue/shared';

const OUTCOME_PHRASE: Record<OutcomeMeasure, string> = {
  positive_outcome: 'a positive outcome',
  accepted: 'the client accepting the outcome',
  avoided_appeal: 'an avoided appeal among negative outcomes',
  problem_uncovered: 'an underlying problem being uncovered',
  bounce_back: 'the client coming back about the same problem (bounce-back)',
};

/** What the predicted rate is a rate of, read after "the model predicts … in 58% of cases". */
const RATE_PHRASE: Record<OutcomeMeasure, string> = {
  positive_outcome: 'a positive or partly positive outcome',
  accepted: 'the client accepting the outcome',
  avoided_appeal: 'an avoided appeal (among negative outcomes)',
  problem_uncovered: 'an underlying problem uncovered',
  bounce_back: 'the client coming back about the same problem',
};

/** The two relationship times the sentence reads the predicted rate at. */
export const SENTENCE_MINUTES = [60, 240] as const;

const whole = (share: number) => `${Math.round(share * 100)}%`;
const hours = (minutes: number) => (minutes === 60 ? '1 hour' : `${minutes / 60} hours`);

/** "For a mix of cases like yours, the model predicts … in 58% of cases with 1 hour … and 71% with 4 hours (…)." */
export function predictedSentence(measure: OutcomeMeasure, rates: readonly PredictedRate[] | undefined): string {
  const [low, high] = SENTENCE_MINUTES.map((m) => rates?.find((r) => r.minutes === m));
  if (!low || !high) return '';
  return (
    `For a mix of cases like yours, the model predicts ${RATE_PHRASE[measure]} in ${whole(low.rate)} of cases with ` +
    `${hours(low.minutes)} of relationship time and ${whole(high.rate)} with ${hours(high.minutes)} ` +
    `(95% intervals ${whole(low.ciLow)} to ${whole(low.ciHigh)} and ${whole(high.ciLow)} to ${whole(high.ciHigh)}).`
  );
}

/** The model's columns in words, naming what each category and funding stream is compared with. */
export function covariatesInWords(a: AdjustedEstimate): string {
  const parts: string[] = [];
  const has = (prefix: string) => a.covariates.some((c) => c.startsWith(prefix));
  if (has('category'))
    parts.push(
      a.references
        ? `the category of problem (each compared with ${labelOf(a.references.category)}, the most common)`
        : 'the category of problem',
    );
  if (has('vulnerab')) parts.push('the number of vulnerabilities');
  if (has('funding'))
    parts.push(
      a.references
        ? `the funding stream (each compared with ${labelOf(a.references.fundingStream)}, the most common)`
        : 'the funding stream',
    );
  return parts.length ? parts.join('; ') : 'relationship time only';
}

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
    // The server's note says which group had the outcome in every case or in none.
    const why = a.note?.replace(/^No estimate: /, '');
    return `No adjusted estimate for these ${cases}: ${why ?? 'the outcome is completely predicted by the data (separation), so the model cannot give a reliable number.'}`;
  }
  if (!a.converged || a.oddsRatioPerDoubling === null || a.ciLow === null || a.ciHigh === null) {
    return `No adjusted estimate for these ${cases}: the model did not settle on an answer.${a.note ? ` ${a.note}` : ''}`;
  }
  const factors = adjustedFor(a.covariates);
  const lead = factors ? `After allowing for ${factors}, each` : 'Each';
  const odds = `${lead} doubling of relationship time goes with ${ratio(a.oddsRatioPerDoubling)} times the odds of ${OUTCOME_PHRASE[measure]} (95% interval ${ratio(a.ciLow)} to ${ratio(a.ciHigh)}; ${cases}).`;
  const rates = predictedSentence(measure, a.predictedRates);
  return rates ? `${rates} ${odds}` : odds;
}

/** A second, plain reading when the interval includes 1 (no clear association either way). */
export function intervalReading(a: AdjustedEstimate): string | undefined {
  if (a.ciLow === null || a.ciHigh === null || !a.converged || a.separation) return undefined;
  if (a.ciLow <= 1 && a.ciHigh >= 1)
    return 'The interval includes 1, so these cases do not show a clear association either way.';
  return undefined;
}
