import type { ReportFilters } from '../report-filters.js';
import type { Fixture } from './report-fixture.js';

/**
 * The filters a roll-up must answer exactly as the facts do: none, periods that cut months, and each
 * single filter. The roll-up specs add the cases their own table has reason to doubt.
 */
export const rollupFilterCases = (fixture: Fixture): Array<[string, ReportFilters]> => [
  ['no filter', {}],
  ['a period of whole months', { from: '2024-06-01', to: '2025-09-30' }],
  ['a period cutting months at both ends', { from: '2024-06-17', to: '2026-05-12' }],
  ['a period inside one month', { from: '2025-03-04', to: '2025-03-20' }],
  ['from only, mid-month', { from: '2025-01-15' }],
  ['to only, mid-month', { to: '2025-03-10' }],
  ['category', { category: 'debt' }],
  ['funding stream and a period', { fundingStream: 'grant', from: '2024-03-09', to: '2026-02-28' }],
  ['arrival route', { arrival: 'referred' }],
  ['vulnerability', { vulnerability: 'mental_health' }],
  ['office', { office: fixture.officeIds[0] }],
  ['adviser', { adviser: fixture.adviserIds[1] }],
];
