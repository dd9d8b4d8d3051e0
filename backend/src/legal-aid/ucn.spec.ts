import { describe, expect, it } from '@jest/globals';
import { loadLegalAidCodes } from './legal-aid-codes.js';
import { formatUcn } from './ucn.js';

describe('formatUcn', () => {
  const { pattern } = loadLegalAidCodes().formats.uniqueClientNumber;
  const valid = (ucn: string) => new RegExp(pattern, 'u').test(ucn);

  it.each([
    // Rows of the LAA's own bulk-load samples (laa-submit-a-bulk-claim, legal-help-june-2026.csv; laa-data-claims-api DEC-2025.csv).
    ['Alex', 'Adams', '1981-01-01', '01011981/A/ADAM'],
    ['Barry', 'Baker', '1982-02-02', '02021982/B/BAKE'],
    ['Test', 'Person 001', '1962-09-14', '14091962/T/PERS'],
  ])('%s %s born %s → %s, as the LAA writes it', (forename, surname, dob, ucn) => {
    expect(formatUcn(forename, surname, dob)).toBe(ucn);
    expect(valid(ucn)).toBe(true);
  });

  it('keeps a short surname whole and capitalises accented letters', () => {
    expect(formatUcn('émile', 'Ng', '1990-12-31')).toBe('31121990/É/NG');
    expect(valid('31121990/É/NG')).toBe(true);
  });

  it('ignores spaces around the names', () => {
    expect(formatUcn('  ann ', " o'brien", '2001-07-04')).toBe("04072001/A/O'BR");
  });
});
