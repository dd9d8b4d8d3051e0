import { describe, expect, it } from '@jest/globals';
import { OUTCOME_MEASURES, PACK_MEANS, PACK_RATES, type AdjustedEstimate, type PackMeta } from '@deepvalue/shared';
import type { MeasureCell } from '../analytics/measure-cells.repository.js';
import { roundedOutcomes } from '../disclosure/published-outcomes.js';
import { bandInWords, packSummary, type SummaryInputs } from './summary.js';
import type { KindFigures, PricingGroupView } from '@deepvalue/shared';

/** 23 housing cases a band, 17 of each band positive; 12 debt cases in the first band, 3 positive. */
function cells(): MeasureCell[] {
  const cell = (category: 'housing' | 'debt', band: number, cases: number, positive: number): MeasureCell => ({
    category,
    band,
    cases,
    negative: cases - positive,
    measures: Object.fromEntries(
      OUTCOME_MEASURES.map((m) => [m, m === 'positive_outcome' ? { n: cases, count: positive } : { n: 0, count: 0 }]),
    ) as MeasureCell['measures'],
    rates: Object.fromEntries(PACK_RATES.map((r) => [r, { n: 0, count: 0, unknown: 0 }])) as MeasureCell['rates'],
    means: Object.fromEntries(PACK_MEANS.map((m) => [m, { n: 0, sum: 0 }])) as MeasureCell['means'],
  });
  return [0, 1, 2, 3, 4].map((b) => cell('housing', b, 23, 17)).concat(cell('debt', 0, 12, 3));
}

const meta = {
  title: 'Deep value evidence pack',
  organisations: [{ ref: 'A', name: 'Northside Law Centre' }],
  commissioner: null,
  period: { from: '2025-04-01', to: '2026-03-31' },
  asOf: '2026-03-31',
  filters: {},
  threshold: 5,
  unitCosts: {
    organisationRef: 'A',
    organisationName: 'Northside Law Centre',
    version: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    hourlyCostGbp: 65.35,
    hourlyCostSource: 'Legal Help rate',
    priceYear: 2024,
    deflators: { version: 'hmt', published: '2025-12', source: 'HM Treasury' },
  },
  feeTables: [],
  funding: { totalGbp: null, records: 0, note: 'no funding recorded' },
  softwareVersion: '0.1.0',
  generatedAt: '2026-03-31T00:00:00.000Z',
  builtOn: '2026-04-02',
} satisfies PackMeta;

const kind = (k: KindFigures['kind'], perPound: KindFigures['netPerPoundSpent']): KindFigures => ({
  kind: k,
  label: k,
  gross: 1,
  net: { low: 1, central: 1, high: 1 },
  netPerPoundSpent: perPound,
  netPerRelationshipHour: { low: 1, central: 1, high: 1 },
  eventsNotPriced: 0,
});

const overall = (perPound: KindFigures['netPerPoundSpent']): PricingGroupView => ({
  groupBy: 'overall',
  key: 'all',
  label: 'All cases',
  cases: 125,
  adviserHours: 612.3,
  relationshipHours: 301.5,
  adviserCostGbp: 40000,
  kinds: [kind('fiscal', perPound), kind('wellbeing', perPound), kind('client_financial', perPound)],
});

const estimate: AdjustedEstimate = {
  oddsRatioPerDoubling: 1.4,
  ciLow: 1.1,
  ciHigh: 1.8,
  n: 127,
  covariates: ['log2 relationship time', 'category: debt', 'vulnerability flags', 'funding: legal_aid_escape'],
  converged: true,
  separation: false,
  iterations: 5,
  predictedRates: [
    { minutes: 30, rate: 0.5, ciLow: 0.4, ciHigh: 0.6 },
    { minutes: 60, rate: 0.581, ciLow: 0.5, ciHigh: 0.66 },
    { minutes: 120, rate: 0.64, ciLow: 0.58, ciHigh: 0.7 },
    { minutes: 240, rate: 0.714, ciLow: 0.65, ciHigh: 0.77 },
    { minutes: 480, rate: 0.8, ciLow: 0.7, ciHigh: 0.9 },
  ],
  references: { category: 'housing', fundingStream: 'legal_aid_fixed_fee' },
};

function inputs(overrides: Partial<SummaryInputs> = {}): SummaryInputs {
  return {
    meta,
    rounded: roundedOutcomes(cells(), 5),
    excludedShown: '10',
    overall: overall({ low: 2.5, central: 4.25, high: 6.1 }),
    positiveEstimate: estimate,
    positiveN: 125,
    ...overrides,
  };
}

const text = (s: ReturnType<typeof packSummary>) => s.sections.flatMap((x) => x.paragraphs).join('\n');
const section = (s: ReturnType<typeof packSummary>, key: string) =>
  s.sections.find((x) => x.key === key)!.paragraphs.join(' ');

describe('the first page in plain English', () => {
  it('says what the service did from the rounded figures', () => {
    const s = packSummary(inputs());
    // Independently: band 0 has 23 + 12 = 35 → 35; bands 1–4: 23 → 25 each; total 35 + 100 = 135.
    expect(section(s, 'service')).toContain('closed about 135 cases between 1 April 2025 and 31 March 2026');
    expect(section(s, 'service')).toContain('about 10 more were left out');
    expect(section(s, 'service')).toContain('Most were about housing and debt.');
    expect(section(s, 'service')).toContain('about 302 hours');
    // Positive: band 0 17 + 3 = 20 → 20 of 35; bands 1–4 17 → 15 of 25: (20 + 60) / 135 = 59%.
    expect(section(s, 'service')).toContain('59% of the cases with a result ended positively');
  });

  it('compares the first and last bands of the headline outcome', () => {
    // < 1 h: 20 of 35 = 57%; ≥ 8 h: 15 of 25 = 60%.
    expect(section(packSummary(inputs()), 'time')).toContain(
      '57% of cases with under 1 hour ended positively, against 60% of cases with 8 hours or more.',
    );
  });

  it('turns the adjusted estimate into predicted rates at 1 and 4 hours, naming groups in words and n rounded', () => {
    const adjusted = section(packSummary(inputs()), 'adjusted');
    expect(adjusted).toContain(
      'predicts a positive or partly positive outcome in 71% of cases given 4 hours of relationship time, against ' +
        '58% given 1 hour (95% intervals 65% to 77% and 50% to 66%; about 125 cases).',
    );
    expect(adjusted).toContain('each compared with housing, the most common');
    expect(adjusted).toContain('each compared with Legal aid (fixed fee), the most common');
    expect(adjusted).not.toMatch(/legal_aid|funding:|category:|127/);
    expect(adjusted).not.toContain('no clear association');
    const unclear = section(
      packSummary(inputs({ positiveEstimate: { ...estimate, ciLow: 0.9, ciHigh: 1.7 } })),
      'adjusted',
    );
    expect(unclear).toContain('no clear association either way');
  });

  it('says why there is no adjusted estimate instead of a number', () => {
    const none = { ...estimate, converged: false, oddsRatioPerDoubling: null, note: 'No estimate: separation.' };
    const adjusted = section(packSummary(inputs({ positiveEstimate: none })), 'adjusted');
    expect(adjusted).toContain('No estimate that allows for the mix of cases could be made here: separation.');
    expect(adjusted).not.toMatch(/\d+%/);
  });

  it('gives value per £1 with its range, or says why not, never £0', () => {
    expect(section(packSummary(inputs()), 'value')).toContain(
      'Every £1 spent on adviser time went with about £4.25 of public money saved',
    );
    expect(section(packSummary(inputs()), 'value')).toContain('£2.50 on cautious assumptions, £6.10 on generous ones');
    const unpriced = packSummary(
      inputs({ overall: overall({ low: 'not priced', central: 'not priced', high: 'not priced' }) }),
    );
    expect(section(unpriced, 'value')).toContain('Value per £1 is not given');
    expect(text(unpriced)).not.toContain('£0');
  });

  it('reads band labels in words', () => {
    expect(['< 1 h', '1–2 h', '≥ 8 h', '4 h and over', 'under 2 h'].map(bandInWords)).toEqual([
      'under 1 hour',
      '1–2 hours',
      '8 hours or more',
      '4 hours or more',
      'under 2 hours',
    ]);
  });

  it('states the evidence level and that it is association, not proof of cause', () => {
    expect(section(packSummary(inputs()), 'evidence')).toMatch(/Nesta level 2 of 5.*association, not proof of cause/);
  });
});
