import type { AdjustedEstimate } from '@deepvalue/shared';
import { describe, expect, it } from 'vitest';
import { adjustedFor, adjustedSentence, covariatesInWords, intervalReading, predictedSentence } from './adjusted';

const fit: AdjustedEstimate = {
  oddsRatioPerDoubling: 1.4442,
  ciLow: 1.0715,
  ciHigh: 1.9467,
  n: 301,
  covariates: [
    'log2 relationship time',
    'category: debt',
    'category: employment',
    'vulnerability flags',
    'funding: grant',
  ],
  converged: true,
  separation: false,
  iterations: 5,
};

describe('the adjusted estimate in words', () => {
  it('is one sentence with the odds ratio per doubling, its interval, n and what was allowed for', () => {
    expect(adjustedSentence('positive_outcome', fit)).toBe(
      'After allowing for the category of problem, the number of vulnerabilities and the funding stream, each doubling of relationship time goes with 1.44 times the odds of a positive outcome (95% interval 1.07 to 1.95; 301 cases).',
    );
  });

  it('names only the factors that were in the model', () => {
    expect(adjustedFor(['log2 relationship time', 'vulnerability flags'])).toBe('the number of vulnerabilities');
    expect(adjustedSentence('accepted', { ...fit, covariates: ['log2 relationship time'] })).toMatch(/^Each doubling/);
  });

  it('says why there is no number on separation or when the fit did not converge', () => {
    expect(adjustedSentence('bounce_back', { ...fit, separation: true, oddsRatioPerDoubling: null })).toMatch(
      /^No adjusted estimate for these 301 cases: the outcome is completely predicted/,
    );
    const note = 'No estimate: every Immigration case had the outcome, so the model could … (separation: …).';
    expect(adjustedSentence('accepted', { ...fit, separation: true, oddsRatioPerDoubling: null, note })).toBe(
      'No adjusted estimate for these 301 cases: every Immigration case had the outcome, so the model could … (separation: …).',
    );
    expect(adjustedSentence('bounce_back', { ...fit, converged: false, note: 'Too few cases.' })).toBe(
      'No adjusted estimate for these 301 cases: the model did not settle on an answer. Too few cases.',
    );
  });

  it('reads an interval that includes 1 as no clear association', () => {
    expect(intervalReading({ ...fit, ciLow: 0.8 })).toMatch(/includes 1/);
    expect(intervalReading(fit)).toBeUndefined();
  });

  it('turns the odds into predicted rates at 1 and 4 hours for the organisation’s own mix of cases', () => {
    const predictedRates = [30, 60, 120, 240, 480].map((minutes, i) => ({
      minutes,
      rate: 0.5 + 0.05 * i,
      ciLow: 0.45 + 0.05 * i,
      ciHigh: 0.55 + 0.05 * i,
    }));
    expect(predictedSentence('positive_outcome', predictedRates)).toBe(
      'For a mix of cases like yours, the model predicts a positive or partly positive outcome in 55% of cases with 1 hour of relationship time and 65% with 4 hours (95% intervals 50% to 60% and 60% to 70%).',
    );
    expect(adjustedSentence('positive_outcome', { ...fit, predictedRates })).toBe(
      `${predictedSentence('positive_outcome', predictedRates)} After allowing for the category of problem, the number of vulnerabilities and the funding stream, each doubling of relationship time goes with 1.44 times the odds of a positive outcome (95% interval 1.07 to 1.95; 301 cases).`,
    );
    expect(predictedSentence('accepted', undefined)).toBe('');
  });

  it('names the groups categories and funding streams are compared with, in words', () => {
    expect(
      covariatesInWords({ ...fit, references: { category: 'welfare_benefits', fundingStream: 'legal_aid_fixed_fee' } }),
    ).toBe(
      'the category of problem (each compared with Welfare benefits, the most common); the number of vulnerabilities; the funding stream (each compared with Legal aid (fixed fee), the most common)',
    );
    expect(covariatesInWords({ ...fit, covariates: ['log2 relationship time'] })).toBe('relationship time only');
  });
});
