/** Types of API responses shared by the backend (which produces them) and the frontend. */
import type { OutcomeMeasure, BandKey } from './measures.js';
import type { Role } from './enums.js';

export interface ApiError {
  path: string;
  message: string;
}
export interface ApiErrorBody {
  errors: ApiError[];
  code?: string;
  current?: unknown;
}

/** A refused sign-in (401): `twoFactor` says the password was right and the authenticator code is wanted. */
export interface SignInRefusal extends ApiErrorBody {
  twoFactor?: 'code_required';
}

/** A list endpoint's page (limit/offset paging). */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** An import running in the background (POST /imports, GET /imports/:id, the spreadsheet import). */
export interface ImportJob {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  casesRead: number;
  progress: number;
  errors: ApiError[];
  errorCount: number;
  summary: Record<string, unknown> | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  db: 'ok' | 'down';
  version: string;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
}

export interface TwoFactorState {
  enabled: boolean;
  /** The organisation requires two-factor for this role and it is not set up yet. */
  enrolmentRequired: boolean;
}

/** The signed-in session (GET /auth/me, POST /auth/sign-in). */
export interface Session {
  me: Me;
  csrfToken: string;
  twoFactor: TwoFactorState;
}

export interface BandRate {
  band: BandKey;
  minMinutes: number;
  maxMinutes: number | null;
  /** Null when suppressed (commissioners' views hide small numbers). */
  n: number | null;
  count: number | null;
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  small: boolean;
  /** True when small-number suppression hides this band's figures. */
  suppressed: boolean;
  /**
   * Set on commissioners' views, whose counts are rounded: the band's label, or the merged bands' label
   * (e.g. "4 h and over", then maxMinutes is the last band's) when a band was too small on its own.
   */
  label?: string;
  /**
   * The cases in the measure's scope where it is not recorded (left out of n, never counted as "no"):
   * the closed cases (for avoided appeal, the negative outcomes) less n, as the evidence pack's "Not
   * recorded" column has it; rounded as the pack publishes it on commissioners' views.
   */
  unknown?: number;
}

export interface AdjustedEstimate {
  oddsRatioPerDoubling: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  covariates: string[];
  converged: boolean;
  separation: boolean;
  iterations: number;
  note?: string;
  /**
   * The model's predicted rate if every case in it had this much relationship time, averaged over the cases' own
   * mix of category, vulnerability flags and funding (marginal standardisation), with a 95% delta-method interval
   * (on the log-odds of the average). Only with an estimate.
   */
  predictedRates?: PredictedRate[];
  /** The reference levels the category and funding odds are compared with (the most frequent). */
  references?: { category: string; fundingStream: string };
}

export interface PredictedRate {
  minutes: number;
  rate: number;
  ciLow: number;
  ciHigh: number;
}

export interface TimeVsOutcomeReport {
  measure: OutcomeMeasure;
  /** Null when suppressed. */
  n: number | null;
  filters: Record<string, string>;
  bands: BandRate[];
  /**
   * Null when the bands alone were asked for (`adjusted=false`): the bands come back at once and the
   * page asks for the estimate beside them, which takes longer on a large organisation.
   */
  adjusted: AdjustedEstimate | null;
  caveat: string;
  /**
   * Set on commissioners' views: counts are rounded to the nearest multiple of it, rates come from the
   * rounded counts, and small bands are merged (disclosure/rounding.ts in the backend).
   */
  suppressionThreshold?: number;
}
