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

export interface BandRate {
  band: BandKey;
  minMinutes: number;
  maxMinutes: number | null;
  n: number;
  count: number;
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  small: boolean;
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
}

export interface TimeVsOutcomeReport {
  measure: OutcomeMeasure;
  n: number;
  filters: Record<string, string>;
  bands: BandRate[];
  adjusted: AdjustedEstimate;
  caveat: string;
}
