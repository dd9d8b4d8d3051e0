/**
 * The monthly contract report of a generated month, checked against the column rules written in
 * docs/legal-aid-codes.md and the LAA's patterns in data/legal-aid/field-formats.json (read here from
 * the file, not from the code under test); the counts are worked out from what the test generated.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {
  closeCase,
  makeCase,
  makeClient,
  makeStaffedOrganisation,
  makeTimeEntry,
  type Staff,
} from '../../test/factories.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { Random, seedOf } from '../interchange/prng.js';
import { DEFAULT_LEGAL_AID_CODES_DIR } from './legal-aid-codes.js';

type Body = Record<string, unknown>;
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(DEFAULT_LEGAL_AID_CODES_DIR, file), 'utf8'));
const FORMATS: Record<string, { pattern: string }> = read('field-formats.json').formats;
const MATTER_TYPES: Array<{ category: string; matterType1: { code: string }[]; matterType2: { code: string }[] }> =
  read('matter-types.json').codes;
const OUTCOMES: Array<{ category: string; outcome: { code: string }[]; stageReached: { code: string }[] }> =
  read('outcome-codes.json').codes;
const FEE_CODES: Array<{ category: string; feeCode: { code: string }[] }> = read('fee-codes.json').codes;
const feeCodesOf = (category: string) => FEE_CODES.find((f) => f.category === category)!.feeCode.map((c) => c.code);
const START_CODES: Record<string, string> = Object.fromEntries(
  read('categories-of-law.json').codes.map((c: Body) => [c.code, c.matterStartCode]),
);

const KINDS = ['complete', 'started', 'noOutcome', 'noDetails', 'grant', 'declined', 'notAsked'] as const;
type Kind = (typeof KINDS)[number];
interface Generated {
  kind: Kind;
  ref: string;
  openedOn: string;
  closedOn: string | null;
  category: string | null;
  accessPoint: string;
  procurementArea: string;
  minutes: number;
  travel: number;
  /** Recorded on the case; null: left to the category's only fee code. */
  feeCode: string | null;
  /** Disbursements recorded on the case, £; null: none (written 0.00). */
  disbursements: number | null;
}

/** Legal Help rates the organisation enters (£ per hour); odd pence, so halves of a penny occur. */
const RATE = 52.47;
const TRAVEL_RATE = 27.01;
const pounds = (minutes: number, rate: number) => {
  const pence = (minutes * Math.round(rate * 100)) / 60;
  const whole = Math.floor(pence) + (pence - Math.floor(pence) >= 0.5 ? 1 : 0);
  return `${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
};

const iso = (d: number, month = '03') => `2025-${month}-${String(d).padStart(2, '0')}`;
const matches = (name: string, value: string) => new RegExp(FORMATS[name].pattern, 'u').test(value);
const realDate = (ddmmyyyy: string) => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(ddmmyyyy);
  if (!m) return false;
  const d = new Date(`${m[3]}-${m[2]}-${m[1]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === `${m[3]}-${m[2]}-${m[1]}`;
};

describe('the monthly contract report', () => {
  let h: Harness;
  let ours: Staff;
  const generated: Generated[] = [];

  beforeAll(async () => {
    h = await createHarness();
    ours = await makeStaffedOrganisation(h);
    for (let i = 0; i < 28; i++) {
      const kind = KINDS[i % KINDS.length];
      const r = new Random(seedOf('contract-report'), 1, i);
      const category = kind === 'noDetails' || kind === 'grant' ? null : r.int(2) ? 'housing_hlpas' : 'mental_health';
      const startedInMonth = kind === 'started' || r.int(2) === 1;
      const openedOn = startedInMonth ? iso(r.between(1, 10)) : iso(r.between(1, 28), '02');
      const closedOn = kind === 'started' ? null : iso(r.between(11, 31));
      const g: Generated = {
        kind,
        ref: `LA/${i + 1}`,
        openedOn,
        closedOn,
        category,
        accessPoint: r.int(2) ? 'AP00137' : 'AP00200',
        procurementArea: 'PA00136',
        // HLPAS has one fee code (left for the report to fill in); mental health has several, so each case records one
        disbursements: i % 3 === 0 ? 40 + i + 0.25 : null,
        feeCode: category === 'mental_health' ? feeCodesOf(category)[i % feeCodesOf(category).length] : null,
        minutes: r.between(30, 300),
        travel: r.int(2) ? r.between(10, 60) : 0,
      };
      generated.push(g);
      const client = await makeClient(h, ours.adviser, {
        firstName: `Ana-${i}`,
        lastName: "O'Neil-Smith",
      });
      let kase = await makeCase(h, ours.adviser, {
        clientId: client.id,
        ref: g.ref,
        openedOn,
        fundingStream: kind === 'grant' ? 'grant' : 'legal_aid_fixed_fee',
      });
      await makeTimeEntry(h, ours.adviser, kase.id, { on: openedOn, minutes: g.minutes });
      if (g.travel) await makeTimeEntry(h, ours.adviser, kase.id, { on: openedOn, minutes: g.travel, class: 'travel' });
      if (category) {
        const types = MATTER_TYPES.find((m) => m.category === category)!;
        const outcomes = OUTCOMES.find((o) => o.category === category);
        await h
          .as(ours.adviser)
          .put(`/api/cases/${String(kase.id)}/legal-aid`)
          .send({
            categoryOfLaw: category,
            matterType1: types.matterType1[r.int(types.matterType1.length)].code,
            matterType2: types.matterType2[r.int(types.matterType2.length)].code,
            stageReached: outcomes ? outcomes.stageReached[r.int(outcomes.stageReached.length)].code : null,
            outcomeCode:
              kind === 'noOutcome' || kind === 'started'
                ? null
                : outcomes
                  ? outcomes.outcome[r.int(outcomes.outcome.length)].code
                  : 'MA',
            feeCode: g.feeCode,
            disbursementsGbp: g.disbursements,
            disbursementsVatGbp: g.disbursements === null ? null : 8.05,
            accessPoint: g.accessPoint,
            procurementArea: g.procurementArea,
            clientPostcode: 'SW9 8AB',
          })
          .expect(200);
      }
      if (kind !== 'notAsked')
        await h
          .as(ours.adviser)
          .put(`/api/clients/${String(client.id)}/equality`)
          .send(
            kind === 'declined'
              ? { version: client.version, gender: 'U', ethnicity: '99', disability: 'UKN' }
              : { version: client.version, gender: 'F', ethnicity: '04', disability: 'NCD' },
          )
          .expect(200);
      kase = (
        await h
          .as(ours.adviser)
          .get(`/api/cases/${String(kase.id)}`)
          .expect(200)
      ).body;
      if (closedOn) await closeCase(h, ours.adviser, kase, { closedOn });
    }
  }, 300_000);
  afterAll(() => h.close());

  const check = () => h.as(ours.manager).get('/api/contract-reports?month=2025-03').expect(200);
  const file = async () =>
    (await h.as(ours.manager).get('/api/exports/contract-report?month=2025-03').expect(200)).text;

  it("says first that the office account, schedule, rates and VAT are missing, then writes them from the organisation's settings", async () => {
    const before = (await check()).body;
    expect(before.problems.filter((p: Body) => p.caseId === null).map((p: Body) => p.field)).toEqual([
      'legalAidOfficeAccount',
      'legalAidScheduleRef',
      'legalAidHourlyRateGbp',
      'legalAidTravelRateGbp',
      'legalAidVatRegistered',
    ]);
    // Without rates the costs are left empty, never written as 0
    const empty = (await file()).split('\r\n').find((l) => l.startsWith('OUTCOME'))!;
    expect(empty).toContain(',PROFIT_COST=,');
    expect(empty).toContain(',TRAVEL_WAITING_COSTS=,VAT_INDICATOR=,');
    const settings = (await h.as(ours.admin).get('/api/organisation/settings').expect(200)).body;
    await h
      .as(ours.admin)
      .patch('/api/organisation/settings')
      .send({ version: settings.version, legalAidOfficeAccount: 'lower' })
      .expect(400);
    for (const bad of [0, -1, 12.345, 'fifty'])
      expect(
        (
          await h
            .as(ours.admin)
            .patch('/api/organisation/settings')
            .send({ version: settings.version, legalAidHourlyRateGbp: bad })
            .expect(400)
        ).body.errors[0].path,
      ).toBe('legalAidHourlyRateGbp');
    await h
      .as(ours.admin)
      .patch('/api/organisation/settings')
      .send({
        version: settings.version,
        legalAidOfficeAccount: '0U099L',
        legalAidScheduleRef: '0U099L/2025/01',
        legalAidHourlyRateGbp: RATE,
        legalAidTravelRateGbp: TRAVEL_RATE,
        legalAidVatRegistered: false,
      })
      .expect(200);
    const after = (await check()).body;
    expect(after.problems.filter((p: Body) => p.caseId === null)).toEqual([]);
  });

  it('holds every completed matter and matter start of the month, each column by the documented rules', async () => {
    const lines = (await file()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('OFFICE,account=0U099L');
    expect(lines[1]).toBe('SCHEDULE,submissionPeriod=MAR-2025,areaOfLaw=LEGAL HELP,scheduleNum=0U099L/LEGAL_HELP');
    const records = lines.slice(2).map((line) => {
      const [type, ...cells] = line.split(',');
      for (const cell of cells) expect(cell).toMatch(/^[A-Za-z0-9_]+=/);
      return {
        type,
        values: Object.fromEntries(cells.map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)])),
      };
    });
    const outcomes = records.filter((r) => r.type === 'OUTCOME');
    const starts = records.filter((r) => r.type === 'MATTERSTARTS');
    expect(records.length).toBe(outcomes.length + starts.length);

    const completed = generated.filter((g) => g.kind === 'complete' || g.kind === 'declined');
    expect(outcomes.map((o) => o.values.CASE_REF_NUMBER).sort()).toEqual(completed.map((g) => g.ref).sort());
    for (const [i, { values: v }] of outcomes.entries()) {
      const g = generated.find((x) => x.ref === v.CASE_REF_NUMBER)!;
      const [mt1, mt2] = v.matterType.split(':');
      const types = MATTER_TYPES.find((m) => m.category === g.category)!;
      expect(types.matterType1.map((c) => c.code)).toContain(mt1);
      expect(types.matterType2.map((c) => c.code)).toContain(mt2);
      expect(matches('uniqueFileNumber', v.UFN)).toBe(true);
      // the UFN is dated the day the file was opened
      expect(v.UFN.slice(0, 6)).toBe(`${g.openedOn.slice(8, 10)}${g.openedOn.slice(5, 7)}${g.openedOn.slice(2, 4)}`);
      expect(v.CASE_START_DATE).toBe(`${g.openedOn.slice(8, 10)}/${g.openedOn.slice(5, 7)}/2025`);
      expect(v.WORK_CONCLUDED_DATE).toBe(`${g.closedOn!.slice(8, 10)}/03/2025`);
      for (const date of [v.CASE_START_DATE, v.WORK_CONCLUDED_DATE, v.CLIENT_DATE_OF_BIRTH])
        expect(realDate(date)).toBe(true);
      expect(v.CASE_ID).toBe(String(i + 1).padStart(3, '0'));
      expect(matches('caseReferenceNumber', v.CASE_REF_NUMBER)).toBe(true);
      expect(matches('accessPoint', v.ACCESS_POINT)).toBe(true);
      expect(matches('procurementArea', v.PROCUREMENT_AREA)).toBe(true);
      expect(matches('clientName', v.CLIENT_FORENAME) && matches('clientName', v.CLIENT_SURNAME)).toBe(true);
      expect(matches('clientPostcode', v.CLIENT_POST_CODE)).toBe(true);
      // the client's UCN: date of birth, forename initial, first four characters of the surname (Ana-N O'Neil-Smith)
      expect(matches('uniqueClientNumber', v.UCN)).toBe(true);
      expect(v.UCN).toBe(`${v.CLIENT_DATE_OF_BIRTH.replaceAll('/', '')}/A/O'NE`);
      expect(v.OUTCOME_CODE).toMatch(/^[A-Za-z0-9-]{2}$/);
      const fees = feeCodesOf(g.category!);
      expect(v.FEE_CODE).toBe(g.feeCode ?? (fees.length === 1 ? fees[0] : 'none'));
      const hlpas = OUTCOMES.find((o) => o.category === g.category);
      if (hlpas) expect(hlpas.outcome.map((c) => c.code)).toContain(v.OUTCOME_CODE);
      expect([v.GENDER, v.ETHNICITY, v.DISABILITY]).toEqual(
        g.kind === 'declined' ? ['U', '99', 'UKN'] : ['F', '04', 'NCD'],
      );
      expect(Number(v.ADVICE_TIME)).toBe(g.minutes);
      expect(Number(v.TRAVEL_TIME)).toBe(g.travel);
      // minutes × £/hour, to the nearest penny, worked out here in pence from the generated minutes
      expect(v.PROFIT_COST).toBe(pounds(g.minutes, RATE));
      expect(v.TRAVEL_WAITING_COSTS).toBe(pounds(g.travel, TRAVEL_RATE));
      expect(v.VAT_INDICATOR).toBe('N');
      expect([v.DISBURSEMENTS_AMOUNT, v.DISBURSEMENTS_VAT, v.COUNSEL_COST]).toEqual(
        g.disbursements === null ? ['0.00', '0.00', '0.00'] : [g.disbursements.toFixed(2), '8.05', '0.00'],
      );
      expect(v.SCHEDULE_REF).toBe('0U099L/2025/01');
    }

    // Matter starts: the month's new legal aid matters with details, per area, access point and category
    const expected = new Map<string, number>();
    for (const g of generated.filter((x) => x.category && x.openedOn.startsWith('2025-03'))) {
      const key = `${g.procurementArea} ${g.accessPoint} ${START_CODES[g.category!]}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const got = new Map(
      starts.map((s) => {
        const [code, n] = Object.entries(s.values).find(
          ([k]) => !['SCHEDULE_REF', 'PROCUREMENT_AREA', 'ACCESS_POINT'].includes(k),
        )!;
        return [`${s.values.PROCUREMENT_AREA} ${s.values.ACCESS_POINT} ${code}`, Number(n)];
      }),
    );
    expect(got).toEqual(expected);
    const summary = (await check()).body;
    expect(summary).toMatchObject({
      submissionPeriod: 'MAR-2025',
      completedMatters: completed.length,
      matterStarts: [...expected.values()].reduce((a, b) => a + b, 0),
    });
  });

  it('lists every case it leaves out, in plain words naming the case and what to fix; a grant case is no problem', async () => {
    const { problems, leftOut } = (await check()).body as { problems: Body[]; leftOut: number };
    const byRef = (kind: Kind) => generated.filter((g) => g.kind === kind).map((g) => g.ref);
    const refsWith = (field: string) =>
      [...new Set(problems.filter((p) => p.field === field).map((p) => p.caseRef))].sort();
    expect(refsWith('outcomeCode')).toEqual(byRef('noOutcome').sort());
    expect(refsWith('categoryOfLaw')).toEqual(byRef('noDetails').sort());
    for (const field of ['gender', 'ethnicity', 'disability'])
      expect(refsWith(field)).toEqual(byRef('notAsked').sort());
    expect(problems.some((p) => byRef('grant').includes(String(p.caseRef)))).toBe(false);
    const noOutcome = generated.find((g) => g.kind === 'noOutcome')!;
    const [day] = [Number(noOutcome.closedOn!.slice(8, 10))];
    expect(problems).toContainEqual(
      expect.objectContaining({
        caseRef: noOutcome.ref,
        message: `Case ${noOutcome.ref} (closed ${day} March 2025): the outcome code is not recorded`,
      }),
    );
    expect(problems.find((p) => p.field === 'gender')!.message).toContain(
      'record the answer, or "U" if the client prefers not to say',
    );
    const left = new Set([...byRef('noOutcome'), ...byRef('noDetails'), ...byRef('notAsked')]);
    expect(leftOut).toBe(left.size);
    const csv = await file();
    for (const ref of left) expect(csv).not.toContain(`CASE_REF_NUMBER=${ref},`);
  });

  it('is for managers and admins only, and is logged as an export of the cases it covers', async () => {
    await h.as(ours.adviser).get('/api/exports/contract-report?month=2025-03').expect(403);
    const bad = await h.as(ours.manager).get('/api/exports/contract-report?month=2025-13').expect(400);
    expect(bad.body.errors[0].path).toBe('month');
    const rows: Array<{ entity_ids: string[]; details: Body }> = await h.dataSource.query(
      `SELECT entity_ids, details FROM audit_log WHERE organisation_id = $1 AND action = 'export' AND details->>'operation' = 'contract_report'`,
      [ours.organisationId],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].details.month).toBe('2025-03');
    const [{ n }] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM cases c LEFT JOIN case_legal_aid l ON l.organisation_id = c.organisation_id AND l.case_id = c.id
        WHERE c.organisation_id = $1 AND (l.id IS NOT NULL OR c.funding_stream <> 'grant')
          AND (c.opened_on >= '2025-03-01' OR c.closed_on >= '2025-03-01')`,
      [ours.organisationId],
    );
    expect(rows[0].entity_ids.length).toBe(n);
  });

  it("asks for the fee code where the category has several, and refuses one that is not the category's", async () => {
    const client = await makeClient(h, ours.adviser, { firstName: 'Ben', lastName: 'Ode' });
    const kase = await makeCase(h, ours.adviser, {
      clientId: client.id,
      ref: 'LA/FEE',
      openedOn: '2025-04-02',
      fundingStream: 'legal_aid_fixed_fee',
    });
    await h
      .as(ours.adviser)
      .put(`/api/clients/${String(client.id)}/equality`)
      .send({ version: client.version, gender: 'M', ethnicity: '01', disability: 'NCD' })
      .expect(200);
    const mh = MATTER_TYPES.find((m) => m.category === 'mental_health')!;
    const details = {
      categoryOfLaw: 'mental_health',
      matterType1: mh.matterType1[0].code,
      matterType2: mh.matterType2[0].code,
      outcomeCode: 'MA',
      accessPoint: 'AP00137',
      procurementArea: 'PA00136',
      clientPostcode: 'SW9 8AB',
    };
    const refused = await h
      .as(ours.adviser)
      .put(`/api/cases/${String(kase.id)}/legal-aid`)
      .send({ ...details, feeCode: 'HOUS' })
      .expect(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        path: 'feeCode',
        message: expect.stringContaining('"HOUS" is not a fee code for Mental health'),
      }),
    ]);
    const saved = await h
      .as(ours.adviser)
      .put(`/api/cases/${String(kase.id)}/legal-aid`)
      .send(details)
      .expect(200);
    const open = (
      await h
        .as(ours.adviser)
        .get(`/api/cases/${String(kase.id)}`)
        .expect(200)
    ).body;
    await closeCase(h, ours.adviser, open, { closedOn: '2025-04-20' });
    const april = () => h.as(ours.manager).get('/api/contract-reports?month=2025-04').expect(200);
    const missing = (await april()).body.problems.filter((p: Body) => p.caseRef === 'LA/FEE');
    expect(missing).toEqual([
      expect.objectContaining({
        field: 'feeCode',
        message: expect.stringContaining('the fee code is not recorded: choose the fee claimed (MHL01'),
      }),
    ]);
    await h
      .as(ours.adviser)
      .put(`/api/cases/${String(kase.id)}/legal-aid`)
      .send({ ...details, version: saved.body.version, feeCode: 'mhl02' })
      .expect(200);
    expect((await april()).body.problems.filter((p: Body) => p.caseRef === 'LA/FEE')).toEqual([]);
    const csv = (await h.as(ours.manager).get('/api/exports/contract-report?month=2025-04').expect(200)).text;
    expect(csv).toContain(',FEE_CODE=MHL02,CASE_REF_NUMBER=LA/FEE,');
  });
});
