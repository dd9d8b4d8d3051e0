import { describe, expect, it } from '@jest/globals';
import { chainReference } from './fixtures/chain-reference.js';
import { mediation, relationshipChain, type ChainCase } from './chain-model.js';
import { Random } from '../../interchange/prng.js';
import { log2RelationshipTime } from './time-vs-outcome-model.js';

const relative = (actual: number | null, expected: number) =>
  Math.abs((actual as number) - expected) / Math.max(Math.abs(expected), 1e-9);

/**
 * Cases with a mediated effect planted on the scales the report estimates: understanding = 1 + Binomial(4, p)
 * with p linear in log2 time (so its mean rises by exactly 4 × 0.1 = 0.4 points per doubling: a = 0.4), and the
 * log-odds of acceptance rise by b per point of understanding and by `direct` per doubling of time. Complex
 * categories take longer and do worse, as in real case loads.
 */
function planted(count: number, b: number, direct: number, seed = 3): ChainCase[] {
  const random = new Random(seed, 0, 0);
  const categories = [
    { name: 'benefits', minutes: 60, effect: 0.4 },
    { name: 'debt', minutes: 150, effect: 0 },
    { name: 'housing', minutes: 300, effect: -0.6 },
  ];
  return Array.from({ length: count }, () => {
    const category = random.pick(categories);
    const vulnerabilityCount = random.int(4);
    const fundingStream = random.chance(0.6) ? 'contract' : 'grant';
    const relationshipMinutes = Math.round((category.minutes * 2 ** (random.float() * 4 - 2)) / 15) * 15;
    const t = log2RelationshipTime(relationshipMinutes);
    const p = 0.45 + 0.1 * t + 0.05 * category.effect - 0.02 * vulnerabilityCount;
    let understood = 1;
    for (let k = 0; k < 4; k++) if (random.chance(p)) understood++;
    const logOdds = -1.5 + b * (understood - 3) + direct * t + category.effect - 0.1 * vulnerabilityCount;
    return {
      relationshipMinutes,
      category: category.name,
      vulnerabilityCount,
      fundingStream,
      trust: null,
      disclosure: null,
      problemUncovered: false,
      understood,
      accepted: random.chance(1 / (1 + Math.exp(-logOdds))),
      negativeOutcome: false,
      appealLodged: null,
    };
  });
}

describe(relationshipChain.name, () => {
  const links = relationshipChain(chainReference.cases);

  it.each(chainReference.links.map((l) => [l.key, l] as const))(
    '%s matches statsmodels (OLS or GLM Binomial) on the same cases',
    (key, expected) => {
      const link = links.find((l) => l.key === key)!;
      expect(link).toMatchObject({ n: expected.n, unknown: expected.unknown, converged: true, separation: false });
      expect(link.covariates).toEqual(expected.covariates);
      expect(relative(link.estimate, expected.estimate)).toBeLessThan(1e-7);
      expect(relative(link.ciLow, expected.ciLow)).toBeLessThan(1e-7);
      expect(relative(link.ciHigh, expected.ciHigh)).toBeLessThan(1e-7);
      expect(link.note).toBeUndefined();
    },
  );

  it('gives the odds-ratio links as predicted shares at two values, the case mix at its mean, as statsmodels predicts', () => {
    const withShares = chainReference.links.filter((l) => l.predicted);
    expect(withShares.map((l) => l.key)).toEqual(links.filter((l) => l.kind === 'odds_ratio').map((l) => l.key));
    for (const expected of withShares) {
      const link = links.find((l) => l.key === expected.key)!;
      expect(link.predicted!.map((p) => p.rate)).toHaveLength(2);
      link.predicted!.forEach((p, i) => expect(relative(p.rate, expected.predicted![i])).toBeLessThan(1e-7));
    }
    expect(links.find((l) => l.key === 'time_disclosure')!.predicted!.map((p) => p.at)).toEqual([
      '1 hour of relationship time',
      '4 hours',
    ]);
  });

  it('leaves out cases where an end of the link is not recorded instead of counting them as no', () => {
    const trust = links.find((l) => l.key === 'time_trust')!;
    const recorded = chainReference.cases.filter((c) => c.trust !== null).length;
    expect(trust.n).toBe(recorded);
    expect(trust.unknown).toBe(chainReference.cases.length - recorded);
  });

  it('counts as unknown on the appeal step only negative outcomes missing understanding or the appeal status', () => {
    const appeal = links.find((l) => l.key === 'understood_appeal_lodged')!;
    const negative = chainReference.cases.filter((c) => c.negativeOutcome);
    const unrecorded = negative.filter((c) => c.understood === null || c.appealLodged === null).length;
    expect({ n: appeal.n, unknown: appeal.unknown }).toEqual({ n: negative.length - unrecorded, unknown: unrecorded });
    // Cases without a negative outcome are not asked about an appeal: not unknown (they once were, 1,000+ here).
    expect(unrecorded).toBeGreaterThan(0);
    expect(chainReference.cases.length - negative.length).toBeGreaterThan(10 * unrecorded);
  });

  it('gives no number, and says why, when too few cases have both ends recorded', () => {
    const few = chainReference.cases.slice(0, 25);
    for (const link of relationshipChain(few)) {
      expect(link.estimate).toBeNull();
      expect(link.note).toMatch(/Too few cases/);
    }
  });

  it('gives no number when understanding alone decides whether an appeal was lodged (separation)', () => {
    const separated = chainReference.cases.map((c) => ({
      ...c,
      appealLodged: c.appealLodged === null || c.understood === null ? null : c.understood <= 2,
    }));
    const link = relationshipChain(separated).find((l) => l.key === 'understood_appeal_lodged')!;
    expect(link).toMatchObject({ estimate: null, separation: true });
    expect(link.note).toMatch(/separation/);
  });
});

describe(mediation.name, () => {
  const expected = chainReference.mediation;
  const result = mediation(chainReference.cases);

  it('matches statsmodels for paths a and b and the product-of-coefficients estimates', () => {
    expect(result).toMatchObject({ n: expected.n, unknown: expected.unknown, covariates: expected.covariates });
    expect(relative(result.timeToUnderstanding.estimate, expected.a)).toBeLessThan(1e-7);
    expect(relative(result.timeToUnderstanding.ciLow, expected.aCiLow)).toBeLessThan(1e-7);
    expect(relative(result.timeToUnderstanding.ciHigh, expected.aCiHigh)).toBeLessThan(1e-7);
    expect(relative(result.understandingToAcceptance.estimate, expected.bOddsRatio)).toBeLessThan(1e-7);
    expect(relative(result.understandingToAcceptance.ciLow, expected.bCiLow)).toBeLessThan(1e-7);
    expect(relative(result.understandingToAcceptance.ciHigh, expected.bCiHigh)).toBeLessThan(1e-7);
    expect(relative(result.indirectOddsRatio.estimate, Math.exp(expected.indirect))).toBeLessThan(1e-7);
    expect(relative(result.directOddsRatio.estimate, Math.exp(expected.direct))).toBeLessThan(1e-7);
    expect(relative(result.totalOddsRatio.estimate, Math.exp(expected.total))).toBeLessThan(1e-7);
    expect(relative(result.shareThroughUnderstanding.estimate, expected.share)).toBeLessThan(1e-7);
  });

  it('has a bootstrap interval for the indirect effect about as wide as the delta-method (Sobel) one', () => {
    const { ciLow, ciHigh } = result.indirectOddsRatio;
    const halfWidth = (Math.log(ciHigh!) - Math.log(ciLow!)) / 2;
    expect(Math.abs(halfWidth / (1.959964 * expected.sobelSe) - 1)).toBeLessThan(0.2);
    expect(Math.log(ciLow!)).toBeLessThan(expected.indirect);
    expect(Math.log(ciHigh!)).toBeGreaterThan(expected.indirect);
    expect(result.bootstrap).toEqual({ seed: 15, replicates: 500, failed: 0 });
  });

  it('gives the same intervals every time from the same seed, and others from another seed', () => {
    const again = mediation(chainReference.cases);
    expect(again).toEqual(result);
    const other = mediation(chainReference.cases, { replicates: 100, seed: 16 });
    expect(other.bootstrap.seed).toBe(16);
    expect(other.shareThroughUnderstanding.ciLow).not.toBe(result.shareThroughUnderstanding.ciLow);
  });

  it('recovers a planted mediated effect: the share through understanding and its interval', () => {
    const [a, b, direct] = [0.4, 0.6, 0.3];
    const share = (a * b) / (a * b + direct);
    const found = mediation(planted(4000, b, direct), { replicates: 200 });
    expect(found.timeToUnderstanding.ciLow!).toBeLessThan(a);
    expect(found.timeToUnderstanding.ciHigh!).toBeGreaterThan(a);
    expect(Math.log(found.understandingToAcceptance.ciLow!)).toBeLessThan(b);
    expect(Math.log(found.understandingToAcceptance.ciHigh!)).toBeGreaterThan(b);
    expect(Math.abs(found.shareThroughUnderstanding.estimate! - share)).toBeLessThan(0.1);
    expect(found.shareThroughUnderstanding.ciLow!).toBeLessThan(share);
    expect(found.shareThroughUnderstanding.ciHigh!).toBeGreaterThan(share);
    expect(found.shareThroughUnderstanding.ciLow!).toBeGreaterThan(0);
  });

  it('finds no share through understanding when understanding plays no part in acceptance', () => {
    const found = mediation(planted(4000, 0, 0.5), { replicates: 200 });
    expect(found.shareThroughUnderstanding.ciLow!).toBeLessThan(0);
    expect(found.shareThroughUnderstanding.ciHigh!).toBeGreaterThan(0);
    expect(found.indirectOddsRatio.ciLow!).toBeLessThan(1);
  });

  it('gives no number, and says why, when too few cases have understanding and acceptance recorded', () => {
    const few = mediation(chainReference.cases.map((c, i) => (i < 1470 ? { ...c, understood: null } : c)));
    expect(few.shareThroughUnderstanding.estimate).toBeNull();
    expect(few.note).toMatch(/Too few cases/);
  });
});
