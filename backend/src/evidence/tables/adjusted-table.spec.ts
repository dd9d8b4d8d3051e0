import { describe, expect, it } from '@jest/globals';
import { covariatesInWords } from './adjusted-table.js';

describe('covariatesInWords', () => {
  it('names covariates and reference groups in words, never as codes', () => {
    const words = covariatesInWords([
      'log2 relationship time',
      'category: debt',
      'category: welfare_benefits',
      'vulnerability flags',
      'funding: legal_aid_escape',
    ])!;
    expect(words).toBe(
      'category (Debt, Welfare benefits, each against the most common category); number of vulnerability flags; ' +
        'funding stream (Legal aid (escape / hourly), each against the most common one)',
    );
    expect(words).not.toMatch(/[a-z]_[a-z]|: /);
  });

  it('says nothing when only relationship time is in the model', () => {
    expect(covariatesInWords(['log2 relationship time'])).toBeNull();
  });
});
