/**
 * The relationship chain report (docs/measures.md): the seeds' chain relationship time → trust and disclosure →
 * problems uncovered and outcomes understood → acceptance → fewer appeals, each link as a case-mix-adjusted
 * estimate, and how much of the association between time and acceptance runs through understanding.
 */

export type ChainLinkKey =
  | 'time_trust'
  | 'time_disclosure'
  | 'disclosure_problem_uncovered'
  | 'trust_understood'
  | 'understood_accepted'
  | 'understood_appeal_lodged';

/** An estimate with its 95% interval. */
export interface Estimate {
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface ChainLink extends Estimate {
  key: ChainLinkKey;
  /** Plain words: "Relationship time", "Trust established (adviser's score, 1–5)". */
  from: string;
  to: string;
  /** The step in the exposure the estimate is per: "each doubling of relationship time", "each point of trust". */
  per: string;
  /**
   * odds_ratio: the odds of `to` are multiplied by the estimate per step (logistic regression);
   * difference: the mean of `to` changes by the estimate per step (linear regression).
   */
  kind: 'odds_ratio' | 'difference';
  /** Cases the link was estimated on (both ends recorded). Rounded on commissioners' views. */
  n: number;
  /**
   * Cases the link is about where either end was not recorded (left out, not counted as "no"): closed cases in
   * scope, or for the last link (understanding a negative outcome → appeal lodged) closed cases with a negative
   * outcome, since the appeal question is asked only of those.
   */
  unknown: number;
  /**
   * Odds-ratio links: the model's predicted share with `to` at two values of `from` (e.g. 1 and 4 hours of
   * relationship time), every other term held at its mean over the cases fitted (the average case mix), so a
   * reader sees rates rather than odds. Absent when the link has no estimate.
   */
  predicted?: Array<{ at: string; rate: number }>;
  /** Covariates used besides the exposure, in the names of the time-vs-outcome model. */
  covariates: string[];
  converged: boolean;
  separation: boolean;
  /** Why there is no number, or what was not adjusted for. */
  note?: string;
}

export interface ChainMediation {
  /** Cases with both understanding and acceptance recorded. Rounded on commissioners' views. */
  n: number;
  /** Closed cases in scope where either was not recorded. */
  unknown: number;
  /** Difference in the understanding score (1–5) per doubling of relationship time (path a). */
  timeToUnderstanding: Estimate;
  /** Odds ratio of acceptance per point of understanding, with time and case mix held (path b). */
  understandingToAcceptance: Estimate;
  /** Odds ratios per doubling of relationship time, with percentile bootstrap intervals. */
  indirectOddsRatio: Estimate;
  directOddsRatio: Estimate;
  totalOddsRatio: Estimate;
  /** indirect ÷ total on the log-odds scale, with a percentile bootstrap interval. */
  shareThroughUnderstanding: Estimate;
  bootstrap: { seed: number; replicates: number; failed: number };
  covariates: string[];
  method: string;
  note?: string;
}

export interface RelationshipChainReport {
  /** Closed cases in scope (rounded on commissioners' views). */
  n: number;
  filters: Record<string, string>;
  links: ChainLink[];
  mediation: ChainMediation;
  caveat: string;
  /** Set on commissioners' views: case counts are rounded to this base (disclosure/rounding.ts). */
  suppressionThreshold?: number;
}
