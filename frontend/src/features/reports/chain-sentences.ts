/**
 * The relationship chain in plain words for managers without statistics training: one sentence per link, a
 * verdict on whether its interval is clear of "no link", and the share through understanding.
 */
import type { ChainLink, ChainMediation } from '@deepvalue/shared';
import { adjustedFor } from './adjusted';

const two = (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const percent = (share: number) => `${Math.round(share * 100)}%`;
const casesText = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'case' : 'cases'}`;

/** What rises or falls at each link, said as a manager would say it. */
const TO_PHRASE: Record<ChainLink['key'], { more: string; difference?: string }> = {
  time_trust: { more: 'higher trust', difference: 'trust scores' },
  time_disclosure: { more: 'the client disclosing the full picture' },
  disclosure_problem_uncovered: { more: 'an underlying problem being uncovered' },
  trust_understood: { more: 'better understanding', difference: 'the client’s understanding of the outcome' },
  understood_accepted: { more: 'the client accepting the outcome' },
  understood_appeal_lodged: { more: 'an appeal or complaint being lodged after a negative outcome' },
};

const FROM_PHRASE: Record<ChainLink['key'], string> = {
  time_trust: 'Each doubling of relationship time',
  time_disclosure: 'Each doubling of relationship time',
  disclosure_problem_uncovered: 'A client disclosing the full picture (rather than part or none of it)',
  trust_understood: 'Each extra point of trust (on the adviser’s 1–5 scale)',
  understood_accepted: 'Each extra point of understanding (on the client’s 1–5 scale)',
  understood_appeal_lodged: 'Each extra point of understanding of a negative outcome',
};

export type Verdict = 'more' | 'less' | 'unclear' | 'none';

/** Whether the 95% interval is clear of "no link" (0 for a difference, 1 for an odds ratio), and which way. */
export function verdictOf(link: Pick<ChainLink, 'estimate' | 'ciLow' | 'ciHigh' | 'kind'>): Verdict {
  if (link.estimate === null || link.ciLow === null || link.ciHigh === null) return 'none';
  const nothing = link.kind === 'odds_ratio' ? 1 : 0;
  if (link.ciLow > nothing) return 'more';
  if (link.ciHigh < nothing) return 'less';
  return 'unclear';
}

export const VERDICT_TEXT: Record<Verdict, string> = {
  more: 'Clear link: they rise together',
  less: 'Clear link: as one rises, the other falls',
  unclear: 'No clear link in these cases',
  none: 'No estimate',
};

export function linkSentence(link: ChainLink): string {
  if (link.estimate === null || link.ciLow === null || link.ciHigh === null) {
    return `No estimate for this step. ${link.note ?? 'The model gave no answer.'}`;
  }
  const interval = `95% interval ${two(link.ciLow)} to ${two(link.ciHigh)}; ${casesText(link.n)}`;
  const phrase = TO_PHRASE[link.key];
  if (link.kind === 'difference') {
    const direction = link.estimate >= 0 ? 'higher' : 'lower';
    return `${FROM_PHRASE[link.key]} goes with ${phrase.difference} ${two(Math.abs(link.estimate))} points ${direction} on a 1–5 scale (${interval}).`;
  }
  const odds = `${FROM_PHRASE[link.key]} goes with ${two(link.estimate)} times the odds of ${phrase.more} (${interval}).`;
  const shares =
    link.predicted?.length === 2
      ? PREDICTED[link.key]?.(percent(link.predicted[0].rate), percent(link.predicted[1].rate))
      : undefined;
  return shares ? `${shares} In odds: ${odds.charAt(0).toLowerCase()}${odds.slice(1)}` : odds;
}

/**
 * The odds-ratio links as the model's predicted shares at two values (ChainLink.predicted: 1 and 4 hours;
 * part or none of the story and the full picture; understanding 2 and 4 of 5), for the average case mix: rates
 * a manager can read, where odds are not.
 */
const PREDICTED: Partial<Record<ChainLink['key'], (low: string, high: string) => string>> = {
  time_disclosure: (low, high) =>
    `For your average mix of cases, clients disclosed the full picture in about ${low} of cases with 1 hour of relationship time, and about ${high} with 4 hours.`,
  disclosure_problem_uncovered: (low, high) =>
    `For your average mix of cases, an underlying problem was uncovered in about ${low} of cases where the client told part or none of their story, and about ${high} where they told the full picture.`,
  understood_accepted: (low, high) =>
    `For your average mix of cases, clients accepted the outcome in about ${low} of cases where they understood it 2 out of 5, and about ${high} where they understood it 4 out of 5.`,
  understood_appeal_lodged: (low, high) =>
    `For your average mix of cases, an appeal or complaint followed a negative outcome in about ${low} of cases where the client understood it 2 out of 5, and about ${high} where they understood it 4 out of 5.`,
};

/** The factors every link allows for, in words. */
export function chainAdjustedFor(link: ChainLink): string {
  const factors = adjustedFor(link.covariates);
  const time = link.covariates.includes('log2 relationship time') ? 'relationship time' : '';
  return [time, factors].filter(Boolean).join(' and ');
}

export function mediationSentence(m: ChainMediation): string {
  const share = m.shareThroughUnderstanding;
  if (share.estimate === null || share.ciLow === null || share.ciHigh === null) {
    return `No estimate. ${m.note ?? 'The models gave no answer.'}`;
  }
  const low = Math.max(share.ciLow, 0);
  return (
    `About ${percent(share.estimate)} of the link between more relationship time and clients accepting the outcome ` +
    `goes along with clients understanding the outcome better (95% interval ${percent(low)} to ` +
    `${percent(Math.min(share.ciHigh, 1))}; ${casesText(m.n)}).`
  );
}
