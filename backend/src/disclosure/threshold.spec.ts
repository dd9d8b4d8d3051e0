import { describe, it, expect } from '@jest/globals';
import { MIN_DISCLOSURE_THRESHOLD, thresholdFor } from './threshold.js';

describe('thresholdFor', () => {
  it('is the floor of 5 when no organisation raises it', () => {
    expect(MIN_DISCLOSURE_THRESHOLD).toBe(5);
    expect(thresholdFor({ organisationSettings: [] })).toBe(5);
    expect(thresholdFor({ organisationSettings: [undefined, null] })).toBe(5);
  });

  it('never goes below 5 whatever a setting says', () => {
    expect(thresholdFor({ organisationSettings: [3] })).toBe(5);
    expect(thresholdFor({ organisationSettings: [4, 1, 0, -2, Number.NaN] })).toBe(5);
  });

  it('takes the strictest raised setting of the organisations combined', () => {
    expect(thresholdFor({ organisationSettings: [7] })).toBe(7);
    expect(thresholdFor({ organisationSettings: [3, 10, 6] })).toBe(10);
  });
});
