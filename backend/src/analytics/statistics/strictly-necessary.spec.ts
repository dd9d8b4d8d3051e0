import { describe, expect, it } from '@jest/globals';
import { Random } from '../../interchange/prng.js';
import { strictlyNecessaryTimes } from './strictly-necessary.js';
import { log2RelationshipTime, type TimeOutcomeRow } from './time-vs-outcome-model.js';

const PLANTED_OR = 1.6;
const CATEGORIES = [
  { name: 'benefits', share: 0.35, medianMinutes: 60, baseline: 0.6 },
  { name: 'debt', share: 0.35, medianMinutes: 120, baseline: 0 },
  { name: 'housing', share: 0.3, medianMinutes: 240, baseline: -0.8 },
];
const logOdds = (baseline: number, t: number, v: number, grant: boolean) =>
  baseline + Math.log(PLANTED_OR) * t - 0.25 * v + (grant ? 0.2 : 0);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

interface Planted {
  category: (typeof CATEGORIES)[number];
  v: number;
  grant: boolean;
  t: number;
  success: number;
}

function plantedCases(count: number): Planted[] {
  const random = new Random(11, 0, 0);
  return Array.from({ length: count }, () => {
    const category = CATEGORIES[random.weighted(CATEGORIES.map((c) => c.share))];
    const v = random.int(3);
    const grant = random.chance(0.4);
    const minutes = Math.round((category.medianMinutes * 2 ** (random.float() * 4 - 2)) / 15) * 15;
    const t = log2RelationshipTime(minutes);
    return { category, v, grant, t, success: random.chance(sigmoid(logOdds(category.baseline, t, v, grant))) ? 1 : 0 };
  });
}

const rowsOf = (cases: Planted[]): TimeOutcomeRow[] =>
  cases.map((c) => ({
    log2Time: c.t,
    category: c.category.name,
    vulnerabilityCount: c.v,
    fundingStream: c.grant ? 'grant' : 'contract',
    successes: c.success,
    trials: 1,
  }));

describe(strictlyNecessaryTimes.name, () => {
  const cases = plantedCases(12000);
  const times = strictlyNecessaryTimes(rowsOf(cases));

  it('finds, per category, the relationship time at which the planted rate reaches the typical one', () => {
    // The truth: the median case's planted probability, and for each category the time at which its cases'
    // planted probabilities (each at that time, keeping its own mix) average to it.
    const own = cases.map((c) => sigmoid(logOdds(c.category.baseline, c.t, c.v, c.grant))).sort((a, b) => a - b);
    const target = (own[5999] + own[6000]) / 2;
    for (const category of CATEGORIES) {
      const members = cases.filter((c) => c.category === category);
      const rateAt = (t: number) =>
        members.reduce((s, c) => s + sigmoid(logOdds(category.baseline, t, c.v, c.grant)), 0) / members.length;
      let [low, high] = [-6, 8];
      for (let k = 0; k < 80; k++)
        [low, high] = rateAt((low + high) / 2) < target ? [(low + high) / 2, high] : [low, (low + high) / 2];
      const trueHours = 2 ** ((low + high) / 2);
      const found = times.get(category.name)!;
      expect(found.n).toBe(members.length);
      expect(found.targetRate!).toBeCloseTo(target, 1);
      if (found.hours === null) throw new Error(`${category.name}: ${found.note}`);
      expect(found.ciLow!).toBeLessThan(trueHours * 1.15);
      expect(found.ciHigh!).toBeGreaterThan(trueHours / 1.15);
      expect(Math.abs(Math.log2(found.hours / trueHours))).toBeLessThan(0.5);
    }
    // Harder categories need more time to reach the same rate.
    const hours = CATEGORIES.map((c) => times.get(c.name)!.hours!);
    expect(hours[0]).toBeLessThan(hours[1]);
    expect(hours[1]).toBeLessThan(hours[2]);
  });

  it('says so instead of a number when more time does not go with better outcomes, or too few cases', () => {
    const worse = rowsOf(cases).map((r) => ({ ...r, successes: (r as { log2Time: number }).log2Time < 0 ? 1 : 0 }));
    for (const t of strictlyNecessaryTimes(worse).values()) {
      expect(t.hours).toBeNull();
      expect(t.note).toMatch(/does not show more relationship time going with more positive outcomes|separation/);
    }
    const few = strictlyNecessaryTimes(rowsOf(cases.slice(0, 20)));
    expect([...few.values()].every((t) => t.hours === null && /Too few cases/.test(t.note ?? ''))).toBe(true);
  });

  it('does not extend the model beyond the longest relationship time recorded', () => {
    // Only cases of up to 90 minutes: the hardest category does not reach the typical rate within them.
    const short = strictlyNecessaryTimes(rowsOf(cases.filter((c) => c.t <= Math.log2(1.5))));
    expect(short.get('housing')).toMatchObject({ hours: null, ciLow: null, ciHigh: null });
    expect(short.get('housing')!.note).toMatch(
      /Not reached within the longest relationship time recorded \(1.5 hours\)/,
    );
    expect(short.get('benefits')!.hours).toBeLessThanOrEqual(1.5);
  });
});
