import { describe, expect, it } from '@jest/globals';
import { BANDS, bandIndexOf } from '@deepvalue/shared';
import { reference } from './fixtures/reference.js';
import { fitLogistic } from './logistic.js';
import {
  adjustedTimeEstimate,
  log2RelationshipTime,
  PUBLISHED_SEPARATION_NOTE,
  publishedEstimate,
  type TimeOutcomeRow,
} from './time-vs-outcome-model.js';
import { wilsonInterval } from './wilson.js';

const { caseMix } = reference;

/** Seeded PRNG (mulberry32) so the simulated case load is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLANTED_OR = 1.6;

type MinutesRow = TimeOutcomeRow & { relationshipMinutes: number };

/**
 * Cases where log-odds of a good outcome rise by ln(1.6) per doubling of relationship time, while complex categories
 * (and clients with more vulnerability flags) both take longer and do worse — so longer bands are full of harder
 * cases. Grouped by covariate pattern as the SQL does.
 */
function plantedCaseLoad(cases: number): MinutesRow[] {
  const next = random(42);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const categories = [
    { name: 'benefits', share: 0.35, medianMinutes: 45, baseline: 1.2 },
    { name: 'debt', share: 0.3, medianMinutes: 120, baseline: 0 },
    { name: 'housing', share: 0.2, medianMinutes: 300, baseline: -1.3 },
    { name: 'immigration', share: 0.15, medianMinutes: 480, baseline: -1.8 },
  ];
  const groups = new Map<string, MinutesRow>();
  for (let i = 0; i < cases; i++) {
    let u = next();
    const category = categories.find((c) => (u -= c.share) < 0) ?? categories[0];
    const vulnerabilityCount = Math.floor(next() * (category.baseline < 0 ? 4 : 2));
    const fundingStream = next() < 0.6 ? 'contract' : 'grant';
    const minutes = category.medianMinutes * 1.2 ** vulnerabilityCount * Math.exp(0.6 * normal());
    const relationshipMinutes = Math.round(minutes / 15) * 15;
    const logOdds =
      category.baseline +
      Math.log(PLANTED_OR) * log2RelationshipTime(relationshipMinutes) -
      0.25 * vulnerabilityCount +
      (fundingStream === 'grant' ? 0.2 : 0);
    const success = next() < 1 / (1 + Math.exp(-logOdds)) ? 1 : 0;
    const key = [relationshipMinutes, category.name, vulnerabilityCount, fundingStream].join('|');
    const row = groups.get(key) ?? {
      relationshipMinutes,
      category: category.name,
      vulnerabilityCount,
      fundingStream,
      successes: 0,
      trials: 0,
    };
    row.successes += success;
    row.trials += 1;
    groups.set(key, row);
  }
  return [...groups.values()];
}

function caseRows(groups: number, mostlyGood: (i: number) => boolean): MinutesRow[] {
  return Array.from({ length: groups }, (_, i) => ({
    relationshipMinutes: 30 * (1 + (i % 12)),
    category: ['benefits', 'debt', 'housing'][i % 3],
    vulnerabilityCount: i % 4,
    fundingStream: i % 5 === 0 ? 'grant' : 'contract',
    successes: mostlyGood(i) ? 4 : 2,
    trials: 6,
  }));
}

describe(log2RelationshipTime.name, () => {
  it('is 0 at one hour, 1 at two hours and floors time at 15 minutes', () => {
    expect(log2RelationshipTime(60)).toBe(0);
    expect(log2RelationshipTime(120)).toBe(1);
    expect(log2RelationshipTime(15)).toBe(-2);
    expect(log2RelationshipTime(0)).toBe(-2);
  });
});

describe(adjustedTimeEstimate.name, () => {
  it('matches the odds ratio and Wald interval from statsmodels GLM Binomial on the same case mix', () => {
    const estimate = adjustedTimeEstimate(caseMix.rows);
    expect(estimate.covariates).toEqual(caseMix.covariates);
    expect(estimate).toMatchObject({ n: caseMix.n, converged: true, separation: false });
    expect(estimate.oddsRatioPerDoubling!).toBeCloseTo(caseMix.oddsRatioPerDoubling, 8);
    expect(estimate.ciLow!).toBeCloseTo(caseMix.ciLow, 8);
    expect(estimate.ciHigh!).toBeCloseTo(caseMix.ciHigh, 8);
    expect(estimate.note).toBeUndefined();
  });

  it('predicts the rate at each relationship time over the cases’ own mix, as statsmodels does', () => {
    const estimate = adjustedTimeEstimate(caseMix.rows);
    expect(estimate.predictedRates!.map((p) => p.minutes)).toEqual(caseMix.predictedRates.map((p) => p.minutes));
    estimate.predictedRates!.forEach((p, i) => {
      const expected = caseMix.predictedRates[i];
      expect(p.rate).toBeCloseTo(expected.rate, 8);
      expect(p.ciLow).toBeCloseTo(expected.ciLow, 8);
      expect(p.ciHigh).toBeCloseTo(expected.ciHigh, 8);
    });
    // More time, a higher predicted rate, since the odds ratio is above 1.
    const rates = estimate.predictedRates!.map((p) => p.rate);
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
  });

  it('names the reference category and funding stream: the most frequent', () => {
    const cases = (key: 'category' | 'fundingStream', value: string) =>
      caseMix.rows.filter((r) => r[key] === value).reduce((s, r) => s + r.trials, 0);
    const { references, covariates } = adjustedTimeEstimate(caseMix.rows);
    expect(covariates).not.toContain(`category: ${references!.category}`);
    expect(covariates).not.toContain(`funding: ${references!.fundingStream}`);
    for (const c of ['benefits', 'debt', 'employment', 'housing'])
      expect(cases('category', references!.category)).toBeGreaterThanOrEqual(cases('category', c));
  });

  it('recovers the planted rates at 1 and 4 hours within their intervals', () => {
    const rows = plantedCaseLoad(20000);
    const estimate = adjustedTimeEstimate(rows);
    // The truth over the same cases: each one's planted probability with its time set to the given minutes.
    const baseline: Record<string, number> = { benefits: 1.2, debt: 0, housing: -1.3, immigration: -1.8 };
    const truth = (minutes: number) => {
      const t = log2RelationshipTime(minutes);
      const [sum, n] = rows.reduce(
        ([s, c], r) => {
          const logOdds =
            baseline[r.category] +
            Math.log(PLANTED_OR) * t -
            0.25 * r.vulnerabilityCount +
            (r.fundingStream === 'grant' ? 0.2 : 0);
          return [s + r.trials / (1 + Math.exp(-logOdds)), c + r.trials];
        },
        [0, 0],
      );
      return sum / n;
    };
    for (const minutes of [60, 240]) {
      const predicted = estimate.predictedRates!.find((p) => p.minutes === minutes)!;
      expect(predicted.ciLow).toBeLessThan(truth(minutes));
      expect(predicted.ciHigh).toBeGreaterThan(truth(minutes));
    }
  });

  it('accepts a precomputed log2 time term in place of minutes', () => {
    const precomputed = caseMix.rows.map(({ relationshipMinutes, ...rest }) => ({
      ...rest,
      log2Time: log2RelationshipTime(relationshipMinutes),
    }));
    expect(adjustedTimeEstimate(precomputed)).toEqual(adjustedTimeEstimate(caseMix.rows));
  });

  it('recovers a planted odds ratio that the unadjusted bands and unadjusted model understate', () => {
    const rows = plantedCaseLoad(20000);
    const estimate = adjustedTimeEstimate(rows);
    expect(estimate.n).toBe(20000);
    expect(estimate.converged).toBe(true);
    expect(Math.abs(estimate.oddsRatioPerDoubling! - PLANTED_OR)).toBeLessThan(0.1);
    expect(estimate.ciLow!).toBeLessThan(PLANTED_OR);
    expect(estimate.ciHigh!).toBeGreaterThan(PLANTED_OR);

    const naive = fitLogistic(
      rows.map((r) => ({ x: [log2RelationshipTime(r.relationshipMinutes)], successes: r.successes, trials: r.trials })),
    );
    const naiveOr = Math.exp(naive.coefficients[1]);
    expect(naiveOr).toBeLessThan(estimate.ciLow!);

    // By band the longest cases even do worse than the shortest, though each doubling multiplies the odds by 1.6.
    const bands = BANDS.map(() => ({ count: 0, n: 0 }));
    for (const r of rows) {
      const band = bands[bandIndexOf(r.relationshipMinutes)];
      band.count += r.successes;
      band.n += r.trials;
    }
    const [shortest, longest] = [bands[0], bands[bands.length - 1]].map((b) => wilsonInterval(b.count, b.n).rate!);
    expect(longest).toBeLessThan(shortest);
  });

  it('takes the most frequent category as reference, breaking ties alphabetically', () => {
    const rows = plantedCaseLoad(3000).map((r) => ({
      ...r,
      category: r.category === 'benefits' ? 'welfare' : r.category,
    }));
    expect(adjustedTimeEstimate(rows).covariates).toContain('category: debt');
    expect(adjustedTimeEstimate(rows).covariates).not.toContain('category: welfare');

    const tied = caseRows(60, (i) => i % 7 < 3).filter((r) => r.category !== 'housing');
    expect(adjustedTimeEstimate(tied).covariates.filter((c) => c.startsWith('category'))).toEqual(['category: debt']);
  });

  it('drops a covariate with no variation and says it was not adjusted for', () => {
    const rows = caseMix.rows.map((r) => ({ ...r, vulnerabilityCount: 2, fundingStream: 'grant' }));
    const estimate = adjustedTimeEstimate(rows);
    expect(estimate.covariates).not.toContain('vulnerability flags');
    expect(estimate.covariates).toEqual([
      'log2 relationship time',
      'category: debt',
      'category: employment',
      'category: housing',
    ]);
    expect(estimate.oddsRatioPerDoubling).not.toBeNull();
    expect(estimate.note).toMatch(/Not adjusted for vulnerability flags/);
  });

  it('gives no number when a category with only good outcomes separates the data (quasi-complete separation)', () => {
    const rows = [
      ...caseMix.rows,
      ...[30, 60, 90, 240].map((m) => ({
        relationshipMinutes: m,
        category: 'wills',
        vulnerabilityCount: 1,
        fundingStream: 'grant',
        successes: 3,
        trials: 3,
      })),
    ];
    const estimate = adjustedTimeEstimate(rows);
    expect(estimate).toMatchObject({
      oddsRatioPerDoubling: null,
      ciLow: null,
      ciHigh: null,
      separation: true,
      converged: false,
    });
    expect(estimate.covariates).toContain('category: wills');
    expect(estimate.note).toMatch(/separation/);
    // It names the group in words: every wills case had the outcome (and no count).
    expect(estimate.note).toMatch(/^No estimate: every Wills case had the outcome[,( ]/);
  });

  it('names no separating group in what is published outside the provider, and leaves other estimates alone', () => {
    const rows = [
      ...caseMix.rows,
      ...[30, 60, 90, 240].map((m) => ({
        relationshipMinutes: m,
        category: 'wills',
        vulnerabilityCount: 1,
        fundingStream: 'grant',
        successes: 3,
        trials: 3,
      })),
    ];
    const separated = adjustedTimeEstimate(rows);
    const published = publishedEstimate(separated);
    expect(published.note).toBe(PUBLISHED_SEPARATION_NOTE);
    expect(separated.note).toMatch(/Wills/);
    expect(published.note).not.toMatch(/Wills|grant|case had the outcome/i);
    expect({ ...published, note: separated.note }).toEqual(separated);
    const fitted = adjustedTimeEstimate(caseMix.rows);
    expect(publishedEstimate(fitted)).toBe(fitted);
  });

  it('gives no number when relationship time alone predicts every outcome (complete separation)', () => {
    const rows = caseRows(60, () => true).map((r) => ({
      ...r,
      successes: r.relationshipMinutes >= 120 ? r.trials : 0,
    }));
    const estimate = adjustedTimeEstimate(rows);
    expect(estimate).toMatchObject({ oddsRatioPerDoubling: null, separation: true });
    // No one category or funding stream is all one way: the note says a combination told the outcomes apart.
    expect(estimate.note).toMatch(/combination of relationship time, category/);
  });

  it('gives no number when there are too few cases, and says how many there were', () => {
    const estimate = adjustedTimeEstimate(caseRows(4, () => true));
    expect(estimate).toMatchObject({ oddsRatioPerDoubling: null, ciLow: null, ciHigh: null, n: 24, covariates: [] });
    expect(estimate.note).toMatch(/Too few cases.*24 cases/);
  });

  it('gives no number when every case has the same relationship time after the 15-minute floor', () => {
    const rows = caseRows(60, (i) => i % 7 < 3).map((r, i) => ({ ...r, relationshipMinutes: i % 2 === 0 ? 0 : 15 }));
    const estimate = adjustedTimeEstimate(rows);
    expect(estimate.oddsRatioPerDoubling).toBeNull();
    expect(estimate.covariates).not.toContain('log2 relationship time');
    expect(estimate.note).toMatch(/same relationship time/);
  });
});
