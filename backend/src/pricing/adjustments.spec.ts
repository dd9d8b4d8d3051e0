import { describe, it, expect } from '@jest/globals';
import {
  DEFAULT_SENSITIVITY,
  GREEN_BOOK_DISCOUNT_RATE,
  netMultiplier,
  validateSensitivity,
  withDiscounting,
  yearWeights,
} from './adjustments.js';

const central = DEFAULT_SENSITIVITY.central;

describe('yearWeights', () => {
  it('drops off by the drop-off share each year after the first', () => {
    // Drop-off 33%: year 1 = 1; year 2 = 1 × 0.67 = 0.67; year 3 = 0.67 × 0.67 = 0.4489.
    const weights = yearWeights(central, 3);
    expect(weights).toHaveLength(3);
    expect(weights[0]).toBe(1);
    expect(weights[1]).toBeCloseTo(0.67, 10);
    expect(weights[2]).toBeCloseTo(0.4489, 10);
  });

  it('discounts years after the first at the Green Book rate when discounting is on', () => {
    // Drop-off 33%, discount 3.5%: year 2 = 0.67 ÷ 1.035 = 0.647343;
    // year 3 = 0.4489 ÷ 1.035² = 0.4489 ÷ 1.071225 = 0.419053.
    const weights = yearWeights(withDiscounting(DEFAULT_SENSITIVITY).central, 3);
    expect(weights[0]).toBe(1);
    expect(weights[1]).toBeCloseTo(0.647343, 6);
    expect(weights[2]).toBeCloseTo(0.419053, 6);
  });
});

describe('netMultiplier', () => {
  it('applies deadweight and attribution once and drop-off per year', () => {
    // Central, 3 years: (1 − 0.25) × (1 − 0.25) × (1 + 0.67 + 0.4489) = 0.5625 × 2.1189 = 1.19188125.
    expect(netMultiplier(central, 3)).toBeCloseTo(1.19188125, 10);
  });

  it('for a one-year value is (1 − deadweight) × (1 − attribution) whatever the drop-off', () => {
    // Low: 0.6 × 0.6 = 0.36; high: 0.9 × 0.9 = 0.81.
    expect(netMultiplier(DEFAULT_SENSITIVITY.low, 1)).toBeCloseTo(0.36, 10);
    expect(netMultiplier(DEFAULT_SENSITIVITY.high, 1)).toBeCloseTo(0.81, 10);
  });
});

describe('DEFAULT_SENSITIVITY', () => {
  it('has discounting off by default and the central assumptions 25% / 25% / 33%', () => {
    expect(central).toEqual({ deadweight: 0.25, attribution: 0.25, dropOff: 0.33, discountRate: 0 });
    expect(GREEN_BOOK_DISCOUNT_RATE).toBe(0.035);
  });

  it('orders the net multiplier low ≤ central ≤ high for every duration', () => {
    for (const years of [1, 2, 3, 5, 10]) {
      const { low, high } = DEFAULT_SENSITIVITY;
      expect(netMultiplier(low, years)).toBeLessThanOrEqual(netMultiplier(central, years));
      expect(netMultiplier(central, years)).toBeLessThanOrEqual(netMultiplier(high, years));
    }
  });
});

describe('validateSensitivity', () => {
  it('accepts the defaults, with or without discounting', () => {
    expect(validateSensitivity(DEFAULT_SENSITIVITY)).toEqual([]);
    expect(validateSensitivity(withDiscounting(DEFAULT_SENSITIVITY))).toEqual([]);
  });

  it('rejects a share outside 0–1 and names the field', () => {
    const errors = validateSensitivity({
      ...DEFAULT_SENSITIVITY,
      high: { ...DEFAULT_SENSITIVITY.high, deadweight: 1.5 },
    });
    expect(errors).toContainEqual({ path: 'high.deadweight', message: 'must be a share from 0 to 1' });
  });

  it('rejects a low scenario that is less cautious than central', () => {
    const errors = validateSensitivity({
      ...DEFAULT_SENSITIVITY,
      low: { ...DEFAULT_SENSITIVITY.low, attribution: 0.1 },
    });
    expect(errors).toContainEqual({
      path: 'central.attribution',
      message: 'must lie between the low and high scenarios',
    });
  });
});
