/**
 * Casework for the evidence-pack tests, written through the normal tables (so the fact triggers run),
 * full of things that must never reach a pack: distinctive client names, dates of birth, postcode
 * districts, case and client references, adviser names, ids and free text. `secrets` lists them all
 * for the leak test. Exactly three consenting cases fall in the "8 h or more" band, so that band
 * must show "<5"; a known number of clients have not consented.
 */
import { BANDS } from '@deepvalue/shared';
import type { DataSource } from 'typeorm';

export const PERIOD = { from: '2024-01-01', to: '2024-12-31' } as const;
export const AS_OF = '2025-12-31';

export interface PackFixture {
  organisationId: string;
  /** Closed consenting cases in the period. */
  consenting: number;
  /** Closed cases in the period whose client did not consent. */
  withoutConsent: number;
  /** Consenting closed housing cases with an eviction avoided (each worth £34,000 gross, fiscal). */
  evictionsAvoided: number;
  /** Consenting clients' evictions avoided by band of relationship time (BANDS order). */
  evictionsAvoidedByBand: number[];
  /** Everything personal in the fixture: none of it may appear in any file of a pack. */
  secrets: string[];
}

const LETTERS = 'BCDFGHJKLMNPQRSTVWXZ';
/** A distinctive word for case i: no real name or dictionary word contains it. */
const code = (i: number, salt: number) => {
  let n = i * 7919 + salt * 104729 + 12345;
  let out = '';
  for (let k = 0; k < 4; k++) {
    out += LETTERS[n % LETTERS.length];
    n = Math.floor(n / LETTERS.length);
  }
  return out;
};

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const CATEGORIES = ['housing', 'debt', 'welfare_benefits'] as const;
const RESULTS = ['positive', 'positive', 'partly_positive', 'negative', 'withdrawn'] as const;
const APPEALS = ['none_needed', 'lodged', 'considered_not_pursued', null] as const;
/** Relationship minutes: bands < 1 h, 1–2 h, 2–4 h and 4–8 h; "8 h or more" is set for three cases only. */
const MINUTES = [30, 90, 150, 300] as const;

export async function seedPackFixture(
  dataSource: DataSource,
  organisationId: string,
  makeAdviser: (name: string) => Promise<string>,
  options: { cases?: number; salt?: number } = {},
): Promise<PackFixture> {
  const count = options.cases ?? 240;
  const salt = options.salt ?? 1;
  const q = (sql: string, params: unknown[]) => dataSource.query(sql, params);
  let state = 97 + salt;
  const rnd = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

  const adviserNames = [`Marigold Thistlewood${code(0, salt)}`, `Barnaby Quillfeather${code(1, salt)}`];
  const adviserIds = [await makeAdviser(adviserNames[0]), await makeAdviser(adviserNames[1])];
  const [office] = await q(
    `INSERT INTO offices (organisation_id, ref, name) VALUES ($1, $2, 'Riverside') RETURNING id`,
    [organisationId, `office-${code(2, salt)}`],
  );
  const secrets: string[] = [...adviserNames, ...adviserIds];
  let consenting = 0;
  let withoutConsent = 0;
  let evictionsAvoided = 0;
  const evictionsAvoidedByBand = BANDS.map(() => 0);
  let longCases = 0;

  for (let i = 0; i < count; i++) {
    const consent = i % 10 !== 9;
    const firstName = `Zephyrine${code(i, salt)}`;
    const lastName = `Vantongeren${code(i + 5000, salt)}`;
    const dateOfBirth = addDays('1950-01-01', Math.floor(rnd() * 18000));
    const district = `${pick(['QZ', 'XJ', 'ZQ'])}${Math.floor(rnd() * 10)}${pick(['X', 'J', 'Q'])}`;
    const clientRef = `CLIREF${code(i, salt)}`;
    const caseRef = `CASEREF${code(i, salt)}`;
    const category = pick(CATEGORIES);
    const openedOn = addDays(PERIOD.from, Math.floor(rnd() * 280));
    const closedOn = addDays(openedOn, Math.floor(rnd() * 60));
    // Three consenting cases get 10 hours of relationship time: the "8 h or more" band holds 3.
    const long = consent && longCases < 3 && i % 40 === 7;
    if (long) longCases += 1;
    const minutes = long ? 600 : pick(MINUTES);
    const result = pick(RESULTS);
    const adviser = i % 2;
    const note = `Discussed with ${firstName} at home on ${dateOfBirth}; FREETEXT${code(i, salt)}`;

    const [client] = await q(
      `INSERT INTO clients (organisation_id, ref, first_name, last_name, date_of_birth, postcode_district,
                            vulnerabilities, evidence_consent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [organisationId, clientRef, firstName, lastName, dateOfBirth, district, i % 3 ? [] : ['mental_health'], consent],
    );
    const [kase] = await q(
      `INSERT INTO cases (organisation_id, ref, client_id, office_id, category, subcategory, opened_on, closed_on,
                          lead_adviser_id, funding_stream, arrival_route)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'self') RETURNING id`,
      [
        organisationId,
        caseRef,
        client.id,
        office.id,
        category,
        `SUBCAT${code(i, salt)}`,
        openedOn,
        closedOn,
        adviserIds[adviser],
        i % 4 === 0 ? 'grant' : 'legal_aid_fixed_fee',
      ],
    );
    await q(
      `INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode, note)
       VALUES ($1, $2, $3, $4, $5, 'relationship', 'advice_session', 'face_to_face', $6),
              ($1, $2, $3, $4, 60, 'casework', 'letter', 'none', NULL)`,
      [organisationId, kase.id, adviserIds[adviser], openedOn, minutes, note],
    );
    await q(`INSERT INTO feedback (organisation_id, case_id, "on", items, comment) VALUES ($1, $2, $3, $4, $5)`, [
      organisationId,
      kase.id,
      closedOn,
      JSON.stringify({ time_to_listen: 5, respect: 4 }),
      `COMMENT${code(i, salt)} from ${lastName}`,
    ]);
    await q(`INSERT INTO outcomes (organisation_id, case_id, result, accepted, appeal) VALUES ($1, $2, $3, $4, $5)`, [
      organisationId,
      kase.id,
      result,
      result === 'withdrawn' ? null : rnd() < 0.8,
      pick(APPEALS),
    ]);
    const positive = result === 'positive' || result === 'partly_positive';
    if (positive && category === 'housing') {
      await q(`INSERT INTO outcome_benefits (organisation_id, case_id, type, amount_gbp) VALUES ($1, $2, $3, NULL)`, [
        organisationId,
        kase.id,
        'eviction_avoided',
      ]);
      if (consent) {
        evictionsAvoided += 1;
        evictionsAvoidedByBand[
          BANDS.findIndex((b) => minutes >= b.minMinutes && (b.maxMinutes === null || minutes < b.maxMinutes))
        ] += 1;
      }
    } else if (positive) {
      const type = category === 'debt' ? 'debt_written_off' : 'benefit_awarded';
      await q(`INSERT INTO outcome_benefits (organisation_id, case_id, type, amount_gbp) VALUES ($1, $2, $3, $4)`, [
        organisationId,
        kase.id,
        type,
        rnd() < 0.85 ? 1000 + Math.floor(rnd() * 4000) : null,
      ]);
    }
    if (rnd() < 0.4) {
      await q(
        `INSERT INTO underlying_problems (organisation_id, case_id, category, description, uncovered_on, action)
         VALUES ($1, $2, 'debt', $3, $4, 'handled_in_house')`,
        [organisationId, kase.id, `PROBLEM${code(i, salt)} told by ${firstName}`, openedOn],
      );
    }
    if (rnd() < 0.2) {
      await q(
        `INSERT INTO follow_ups (organisation_id, case_id, "on", recontact) VALUES ($1, $2, $3, 'same_problem')`,
        [organisationId, kase.id, addDays(closedOn, 30)],
      );
    }
    if (consent) consenting += 1;
    else withoutConsent += 1;
    secrets.push(
      firstName,
      lastName,
      dateOfBirth,
      district,
      clientRef,
      caseRef,
      client.id,
      kase.id,
      `SUBCAT${code(i, salt)}`,
      `FREETEXT${code(i, salt)}`,
      `COMMENT${code(i, salt)}`,
      `PROBLEM${code(i, salt)}`,
    );
  }
  if (longCases !== 3) throw new Error(`the fixture needs 3 long cases, made ${longCases}`);
  return {
    organisationId,
    consenting,
    withoutConsent,
    evictionsAvoided,
    evictionsAvoidedByBand,
    secrets: [...new Set(secrets)],
  };
}
