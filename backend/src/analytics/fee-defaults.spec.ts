import { describe, it, expect } from '@jest/globals';
import { DEFAULT_FEE_TABLE, ESCAPE_MULTIPLIER, feeOn } from './fee-defaults.js';

describe('DEFAULT_FEE_TABLE', () => {
  it('sets every escape threshold at 3 × the fixed fee where the scheme has one', () => {
    // Housing 3 × 157 = 471, 3 × 223 = 669; debt 3 × 180 = 540, 3 × 256 = 768; welfare 3 × 208 = 624.
    for (const row of DEFAULT_FEE_TABLE) {
      if (row.escapeThresholdGbp !== null) expect(row.escapeThresholdGbp).toBe(ESCAPE_MULTIPLIER * row.fixedFeeGbp);
    }
  });

  it('finds the fee in force on a date', () => {
    expect(feeOn(DEFAULT_FEE_TABLE, 'housing', '2013-03-31')).toBeNull();
    expect(feeOn(DEFAULT_FEE_TABLE, 'housing', '2025-12-21')?.fixedFeeGbp).toBe(157);
    expect(feeOn(DEFAULT_FEE_TABLE, 'housing', '2025-12-22')?.fixedFeeGbp).toBe(223);
    expect(feeOn(DEFAULT_FEE_TABLE, 'debt', '2026-01-01')?.fixedFeeGbp).toBe(256);
    expect(feeOn(DEFAULT_FEE_TABLE, 'welfare_benefits', '2025-04-30')?.escapeThresholdGbp).toBeNull();
    expect(feeOn(DEFAULT_FEE_TABLE, 'welfare_benefits', '2025-05-01')?.escapeThresholdGbp).toBe(624);
  });

  it('has no fee for a category docs/measures.md gives none for', () => {
    expect(feeOn(DEFAULT_FEE_TABLE, 'employment', '2026-01-01')).toBeNull();
  });
});
