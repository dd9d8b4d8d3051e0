/**
 * Social-value adjustments (docs/pricing.md), as SROI practice applies them to a gross value:
 *   net = gross per year × (1 − deadweight) × (1 − attribution) × Σ over years t = 1..n of
 *         (1 − drop-off)^(t−1) ÷ (1 + discount rate)^(t−1)
 * Year 1 is the year of the outcome, so it is neither dropped off nor discounted (HM Treasury Green
 * Book convention: the present year is year 0 of the discounting).
 *
 * Three adjustment sets give the low / central / high sensitivity range carried with every figure.
 * The defaults are the project's assumptions, not cited figures (docs/pricing.md, "Adjustments and
 * the range"), so the method must show them as assumptions; managers edit them:
 *   - central: deadweight 25%, attribution 25%, drop-off 33% a year — moderate values: a quarter of
 *     outcomes would have happened anyway, a quarter of the credit belongs to other agencies, and a
 *     multi-year benefit loses a third of its value each year;
 *   - low: 40% / 40% / 50% — a sceptical panel's reading;
 *   - high: 10% / 10% / 20% — the outcome is mostly due to the advice and lasts.
 * Discounting is off by default (rate 0); withDiscounting() switches on the Green Book 3.5%.
 */
import type { FieldError } from '../common/domain-error.js';

export const SCENARIOS = ['low', 'central', 'high'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** A figure under each scenario; with the default adjustments low ≤ central ≤ high. */
export type Range = Readonly<Record<Scenario, number>>;

export interface AdjustmentSet {
  /** Share of outcomes that would have happened anyway, 0–1. */
  deadweight: number;
  /** Share of the outcome due to others, 0–1. */
  attribution: number;
  /** Share of the previous year's value lost each further year, 0–1. */
  dropOff: number;
  /** Annual discount rate, 0 = no discounting. */
  discountRate: number;
}

export type Sensitivity = Readonly<Record<Scenario, AdjustmentSet>>;

export const GREEN_BOOK_DISCOUNT_RATE = 0.035;

export const DEFAULT_SENSITIVITY: Sensitivity = {
  low: { deadweight: 0.4, attribution: 0.4, dropOff: 0.5, discountRate: 0 },
  central: { deadweight: 0.25, attribution: 0.25, dropOff: 0.33, discountRate: 0 },
  high: { deadweight: 0.1, attribution: 0.1, dropOff: 0.2, discountRate: 0 },
};

export function withDiscounting(sensitivity: Sensitivity, rate = GREEN_BOOK_DISCOUNT_RATE): Sensitivity {
  return {
    low: { ...sensitivity.low, discountRate: rate },
    central: { ...sensitivity.central, discountRate: rate },
    high: { ...sensitivity.high, discountRate: rate },
  };
}

/** Weight of each year's value relative to year 1, after drop-off and discounting. */
export function yearWeights(adjustments: AdjustmentSet, years: number): number[] {
  const weights: number[] = [];
  for (let t = 1; t <= years; t++) {
    weights.push((1 - adjustments.dropOff) ** (t - 1) / (1 + adjustments.discountRate) ** (t - 1));
  }
  return weights;
}

/** Multiplier turning one year's gross value into net value over `years`. */
export function netMultiplier(adjustments: AdjustmentSet, years: number): number {
  const lasting = yearWeights(adjustments, years).reduce((sum, w) => sum + w, 0);
  return (1 - adjustments.deadweight) * (1 - adjustments.attribution) * lasting;
}

export function rangeOf(compute: (scenario: Scenario) => number): Range {
  return { low: compute('low'), central: compute('central'), high: compute('high') };
}

/** Problems with edited adjustments, including a range whose scenarios are out of order. */
export function validateSensitivity(sensitivity: Sensitivity): FieldError[] {
  const errors: FieldError[] = [];
  for (const scenario of SCENARIOS) {
    const set = sensitivity[scenario];
    for (const field of ['deadweight', 'attribution', 'dropOff'] as const) {
      const value = set[field];
      if (!Number.isFinite(value) || value < 0 || value > 1) {
        errors.push({ path: `${scenario}.${field}`, message: 'must be a share from 0 to 1' });
      }
    }
    if (!Number.isFinite(set.discountRate) || set.discountRate < 0 || set.discountRate > 1) {
      errors.push({ path: `${scenario}.discountRate`, message: 'must be a rate from 0 to 1' });
    }
  }
  // Lower adjustments mean more value, so the low scenario must be at least as cautious as central.
  for (const field of ['deadweight', 'attribution', 'dropOff', 'discountRate'] as const) {
    const { low, central, high } = sensitivity;
    if (!(low[field] >= central[field] && central[field] >= high[field])) {
      errors.push({ path: `central.${field}`, message: 'must lie between the low and high scenarios' });
    }
  }
  return errors;
}
