import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { ACTIVITIES, BANDS, MODES, TIME_CLASSES, bandIndexOf } from '@deepvalue/shared';
import { dayOf } from './calendar.js';
import {
  generate,
  generateDocument,
  generateHeader,
  writeJson,
  writeNdjson,
  type GeneratorOptions,
} from './generator.js';
import { loadLegalAidCodes } from '../legal-aid/legal-aid-codes.js';
import type { ImportCase } from './import-format.js';
import { createValidationContext, validateCase, validateHeader } from './validate.js';

/** A slow sink with a small buffer, so the writers must honour back-pressure to finish at all. */
async function written(write: (stream: Writable) => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark: 1024,
    decodeStrings: false,
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      setImmediate(done);
    },
  });
  await write(stream);
  return chunks.join('');
}

const ndjson = (options: GeneratorOptions) => written((stream) => writeNdjson(options, stream));

describe('generator determinism', () => {
  it('gives byte-identical output for the same seed and different output for another seed', async () => {
    const options = { cases: 300, seed: 7 };
    const first = await ndjson(options);
    expect(await ndjson(options)).toBe(first);
    expect(await ndjson({ ...options, seed: 8 })).not.toBe(first);
    expect(await ndjson({ ...options, seed: 'seven' })).toBe(await ndjson({ ...options, seed: 'seven' }));
  });

  it('yields the header first and then every case in order', () => {
    const records = [...generate({ cases: 5, seed: 1 })];
    expect(records.map((r) => r.type)).toEqual(['header', 'case', 'case', 'case', 'case', 'case']);
    expect(records.slice(1).map((r) => (r.type === 'case' ? r.case.ref : ''))).toEqual([
      'c-1',
      'c-2',
      'c-3',
      'c-4',
      'c-5',
    ]);
  });
});

describe('writers', () => {
  it('write NDJSON as a header line without cases, then one case per line, each parsing back to the case', async () => {
    const options = { cases: 120, seed: 3 };
    const lines = (await ndjson(options)).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(121);
    const header = JSON.parse(lines[0]);
    expect(header.cases).toBeUndefined();
    expect(validateHeader(header)).toEqual([]);
    const { cases, ...documentHeader } = generateDocument(options);
    expect(header).toEqual(documentHeader);
    expect(lines.slice(1).map((line) => JSON.parse(line))).toEqual(cases);
  });

  it('write a JSON document equal to generateDocument, with the header fields before the cases', async () => {
    const options = { cases: 40, seed: 3, kind: 'advice_agency' as const };
    const text = await written((stream) => writeJson(options, stream));
    expect(JSON.parse(text)).toEqual(generateDocument(options));
    expect(text.indexOf('"partners"')).toBeLessThan(text.indexOf('"cases"'));
    expect(JSON.parse(await written((stream) => writeJson({ ...options, cases: 0 }, stream))).cases).toEqual([]);
  });

  it('report progress up to the total', async () => {
    const seen: number[] = [];
    await written((stream) => writeNdjson({ cases: 25_000, seed: 1 }, stream, (n) => seen.push(n)));
    expect(seen).toEqual([10_000, 20_000, 25_000]);
  });
});

describe('generated casework', () => {
  it('passes the validator, case by case, for different organisation shapes', () => {
    const shapes: GeneratorOptions[] = [
      { cases: 2000, seed: 11 },
      { cases: 600, seed: 12, kind: 'advice_agency', offices: 0, advisers: 1, startDate: '2023-02-28', months: 3 },
      { cases: 400, seed: 13, offices: 6, advisers: 30, months: 60 },
    ];
    for (const options of shapes) {
      const { cases, ...header } = JSON.parse(JSON.stringify(generateDocument(options)));
      const context = createValidationContext(header);
      const errors = [
        ...validateHeader(header),
        ...cases.flatMap((c: unknown, i: number) => validateCase(c, i, context)),
      ];
      expect(errors).toEqual([]);
    }
  });

  it('describes the organisation: unique lower-case adviser emails, offices and partners', () => {
    const header = generateHeader({ cases: 0, seed: 1, advisers: 40 });
    expect(header.organisation).toEqual({ ref: 'riverside-law-centre', name: 'Riverside Law Centre' });
    const emails = header.advisers.map((a) => a.email);
    expect(new Set(emails).size).toBe(40);
    for (const email of emails) expect(email).toMatch(/^[a-z]+\.[a-z]+@riverside-law-centre\.example\.org$/);
    expect(header.offices).toHaveLength(3);
    expect(header.partners.length).toBeGreaterThan(10);
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateDocument({ cases: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateDocument({ cases: 1, seed: 1, offices: 7 })).toThrow(RangeError);
    expect(() => generateDocument({ cases: 1, seed: 1, startDate: '1 Jan 2024' })).toThrow(RangeError);
  });
});

/** Per-case facts as the reports of docs/measures.md define them. */
function facts(c: ImportCase) {
  const entries = c.timeEntries ?? [];
  const relationship = entries.filter((e) => e.class === 'relationship').reduce((sum, e) => sum + e.minutes, 0);
  const outcome = c.outcome ?? null;
  const result = outcome?.result;
  const scores = (c.feedback ?? []).map((f) => {
    const values = Object.values(f.items);
    return ((values.reduce((a, b) => a + b, 0) / values.length - 1) / 4) * 100;
  });
  return {
    band: bandIndexOf(relationship),
    relationship,
    total: entries.reduce((sum, e) => sum + e.minutes, 0),
    closed: Boolean(c.closedOn),
    withResult: result === 'positive' || result === 'partly_positive' || result === 'negative',
    positive: result === 'positive' || result === 'partly_positive',
    negative: result === 'negative',
    asked: outcome?.accepted !== undefined && outcome?.accepted !== null,
    accepted: outcome?.accepted === true,
    // An avoided appeal as docs/measures.md defines it: not pursued because the client accepted the outcome.
    avoided:
      outcome?.appeal === 'considered_not_pursued' &&
      outcome.accepted === true &&
      (outcome.appealNotPursuedReason ?? 'accepted_outcome') === 'accepted_outcome',
    uncovered: (c.underlyingProblems ?? []).length > 0,
    rqi: scores,
    followedUp: (c.followUps ?? []).length > 0,
    bouncedBack: (c.followUps ?? []).some((f) => f.recontact === 'same_problem'),
  };
}
type Facts = ReturnType<typeof facts>;

const rate = (rows: Facts[], of: (f: Facts) => boolean, among: (f: Facts) => boolean) => {
  const base = rows.filter(among);
  return base.filter(of).length / base.length;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('the planted findings of the seed reports', () => {
  const cases = generateDocument({ cases: 3000, seed: 2025 }).cases;
  const all = cases.map(facts);
  const bottom = all.filter((f) => f.band === 0);
  const top = all.filter((f) => f.band === BANDS.length - 1);

  it('spreads cases over every band of relationship time', () => {
    for (let band = 0; band < BANDS.length; band++) {
      expect(all.filter((f) => f.band === band).length).toBeGreaterThan(150);
    }
  });

  it('gives more positive outcomes, acceptance and avoided appeals with more relationship time', () => {
    const positive = (rows: Facts[]) =>
      rate(
        rows,
        (f) => f.positive,
        (f) => f.withResult,
      );
    expect(positive(bottom)).toBeGreaterThan(0.4);
    expect(positive(top) - positive(bottom)).toBeGreaterThan(0.12);
    const accepted = (rows: Facts[]) =>
      rate(
        rows,
        (f) => f.accepted,
        (f) => f.asked,
      );
    expect(accepted(top) - accepted(bottom)).toBeGreaterThan(0.25);
    const avoided = (rows: Facts[]) =>
      rate(
        rows,
        (f) => f.avoided,
        (f) => f.negative,
      );
    expect(avoided(top) - avoided(bottom)).toBeGreaterThan(0.15);
  });

  it('uncovers more underlying problems and scores higher on client feedback with more relationship time', () => {
    const uncovered = (rows: Facts[]) =>
      rate(
        rows,
        (f) => f.uncovered,
        () => true,
      );
    expect(uncovered(top) - uncovered(bottom)).toBeGreaterThan(0.2);
    const rqi = (rows: Facts[]) => {
      const scores = rows.flatMap((f) => f.rqi);
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    };
    expect(rqi(top) - rqi(bottom)).toBeGreaterThan(20);
  });

  it('has less bounce-back with more relationship time', () => {
    const bounce = (rows: Facts[]) =>
      rate(
        rows,
        (f) => f.bouncedBack,
        (f) => f.followedUp,
      );
    expect(bounce(bottom) - bounce(top)).toBeGreaterThan(0.08);
  });

  it('takes longer on complex categories and gives fixed-fee cases less relationship time', () => {
    const minutes = (filter: (c: ImportCase) => boolean) => median(cases.filter(filter).map((c) => facts(c).total));
    const byCategory = (category: string) => minutes((c) => c.category === category);
    for (const complex of ['immigration', 'community_care']) {
      expect(byCategory(complex)).toBeGreaterThan(byCategory('debt'));
      expect(byCategory(complex)).toBeGreaterThan(byCategory('welfare_benefits'));
    }
    expect(minutes((c) => c.subcategory === 'possession')).toBeGreaterThan(
      minutes((c) => c.category === 'housing' && c.subcategory !== 'possession'),
    );
    const relationship = (stream: string) =>
      median(cases.filter((c) => c.fundingStream === stream).map((c) => facts(c).relationship));
    expect(relationship('legal_aid_fixed_fee')).toBeLessThan(relationship('grant'));
    expect(relationship('legal_aid_fixed_fee')).toBeLessThan(relationship('legal_aid_escape'));
  });

  it('gives clients with several vulnerabilities somewhat worse outcomes', () => {
    const flags = cases.map((c) => (c.client.vulnerabilities ?? []).length);
    const positive = (keep: (n: number) => boolean) =>
      rate(
        all.filter((_, i) => keep(flags[i])),
        (f) => f.positive,
        (f) => f.withResult,
      );
    expect(positive((n) => n === 0)).toBeGreaterThan(positive((n) => n >= 2));
  });
});

describe('the shape of the generated casework', () => {
  const cases = generateDocument({ cases: 3000, seed: 99 }).cases;
  const entries = cases.flatMap((c) => c.timeEntries ?? []);
  const share = (keep: (c: ImportCase) => boolean) => cases.filter(keep).length / cases.length;

  it('closes about 85% of cases, has ~90% evidence consent and about 10 time entries per case', () => {
    expect(share((c) => Boolean(c.closedOn))).toBeGreaterThan(0.78);
    expect(share((c) => Boolean(c.closedOn))).toBeLessThan(0.92);
    expect(share((c) => c.client.evidenceConsent === true)).toBeGreaterThan(0.86);
    expect(share((c) => c.client.evidenceConsent === true)).toBeLessThan(0.94);
    expect(entries.length / cases.length).toBeGreaterThan(8);
    expect(entries.length / cases.length).toBeLessThan(13);
  });

  it('records time of every class, most modes and activities, in 5- or 6-minute units', () => {
    expect(new Set(entries.map((e) => e.class))).toEqual(new Set(TIME_CLASSES));
    expect(new Set(entries.map((e) => e.mode))).toEqual(new Set(MODES));
    expect(new Set(entries.map((e) => e.activity)).size).toBeGreaterThan(ACTIVITIES.length - 3);
    for (const e of entries) expect(e.minutes % 5 === 0 || e.minutes % 6 === 0).toBe(true);
    expect(new Set(entries.map((e) => e.minutes)).size).toBeLessThan(250);
  });

  it('keeps time within the case and follows up about six months after close', () => {
    for (const c of cases) {
      for (const e of c.timeEntries ?? []) {
        expect(e.on >= c.openedOn).toBe(true);
        if (c.closedOn) expect(e.on <= c.closedOn).toBe(true);
      }
      for (const f of c.followUps ?? []) {
        const days = dayOf(f.on) - dayOf(c.closedOn ?? '');
        expect(days).toBeGreaterThanOrEqual(14);
        expect(days).toBeLessThanOrEqual(190);
      }
    }
    expect(share((c) => (c.followUps ?? []).length > 0)).toBeGreaterThan(0.4);
  });

  it('has bounce-in, referrals in and out, and returning clients with the same details', () => {
    expect(share((c) => (c.priorOrganisationsContacted ?? 0) >= 3)).toBeGreaterThan(0.03);
    expect(share((c) => c.arrival.route === 'referred')).toBeGreaterThan(0.3);
    // Referrals out of the presenting problem (bounce-out) are rare; underlying problems carry their own referrals.
    expect(share((c) => (c.referrals ?? []).some((r) => r.direction === 'out'))).toBeGreaterThan(0.01);
    expect(share((c) => (c.underlyingProblems ?? []).some((p) => p.partnerRef))).toBeGreaterThan(0.05);
    const byRef = new Map<string, string>();
    let returning = 0;
    for (const c of cases) {
      const details = JSON.stringify(c.client);
      const seen = byRef.get(c.client.ref);
      if (seen !== undefined) {
        returning++;
        expect(details).toBe(seen);
      }
      byRef.set(c.client.ref, details);
    }
    expect(returning / cases.length).toBeGreaterThan(0.05);
  });

  it('gives every legally aided case, and only those, LAA details, and most clients equality answers', () => {
    const legallyAided = (c: ImportCase) => c.fundingStream.startsWith('legal_aid');
    for (const c of cases) expect(c.legalAid !== undefined).toBe(legallyAided(c));
    const aided = cases.filter(legallyAided);
    expect(aided.length).toBeGreaterThan(500);
    // No UFN is given: the import numbers each record. Every record names its office's access point.
    for (const c of aided) expect(c.legalAid).toMatchObject({ accessPoint: expect.stringMatching(/^AP\d{5}$/) });
    expect(aided.some((c) => c.legalAid!.ufn)).toBe(false);
    // Completed matters of the categories whose outcome codes are known carry one.
    const known = aided.filter((c) => c.closedOn && ['housing', 'welfare_benefits', 'debt'].includes(c.category));
    expect(known.length).toBeGreaterThan(100);
    for (const c of known) expect(c.legalAid!.outcomeCode).toMatch(/^[A-Z]{2}$/);
    // Every code written is in the category's shipped list: none is made up.
    const codes = loadLegalAidCodes();
    const listed = (list: { code: string }[] | undefined, code: string | null | undefined) =>
      code == null || (list ?? []).some((k) => k.code === code);
    for (const c of aided) {
      const la = c.legalAid!;
      const types = codes.matterTypes.find((m) => m.category === la.categoryOfLaw);
      const outcomes = codes.outcomes.find((o) => o.category === la.categoryOfLaw);
      expect([la.categoryOfLaw, listed(types?.matterType1, la.matterType1)]).toEqual([la.categoryOfLaw, true]);
      expect([la.categoryOfLaw, listed(types?.matterType2, la.matterType2)]).toEqual([la.categoryOfLaw, true]);
      expect([la.categoryOfLaw, listed(outcomes?.outcome, la.outcomeCode)]).toEqual([la.categoryOfLaw, true]);
      expect(la.stageReached ?? null).toBeNull();
    }
    expect(share((c) => c.client.equality !== undefined)).toBeGreaterThan(0.9);
    expect(share((c) => c.client.equality !== undefined)).toBeLessThan(0.98);
  });
});
