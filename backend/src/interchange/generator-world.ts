/**
 * The fixed part of a generated organisation: its header (advisers, offices, partners), the hidden
 * traits of each adviser that shape their cases, and the clients. Everything is a pure function of
 * the options, so any case can be generated on its own (generator-case.ts).
 */
import { CATEGORIES, VULNERABILITIES, type Category, type Vulnerability } from '@deepvalue/shared';
import { DateText, addMonths, dayOf } from './calendar.js';
import { AREAS, FIRST_NAMES, LAST_NAMES, OTHER_DISTRICTS, PARTNERS } from './generator-data.js';
import { equalityOf } from './generator-legal-aid.js';
import { IMPORT_FORMAT, type ImportClient, type ImportHeader, type ImportOrganisation } from './import-format.js';
import { Random, seedOf } from './prng.js';

export interface GeneratorOptions {
  /** Number of cases. */
  cases: number;
  /** Same seed (and options) → byte-identical output. */
  seed: number | string;
  /** Case mix and funding: a law centre does legal aid work, an advice agency is mostly grant funded. */
  kind?: 'law_centre' | 'advice_agency';
  /** Default by kind: Riverside Law Centre / Eastbrook Advice Centre. */
  organisation?: ImportOrganisation;
  /** Number of advisers, default 12. */
  advisers?: number;
  /** Number of offices, 0–6, default 3. */
  offices?: number;
  /** First day cases open, YYYY-MM-DD, default 2024-01-01. */
  startDate?: string;
  /** Length of the period in months, default 24. */
  months?: number;
}

export type ResolvedOptions = Required<GeneratorOptions>;

export interface AdviserTraits {
  ref: string;
  office: number;
  /** Recording unit: some advisers record in 6-minute units (tenths of an hour), others in 5s. */
  unit: number;
  /** Multiplies the relationship time this adviser gives (their practice, caseload). */
  style: number;
  /** Shifts the log-odds of a good outcome a little. */
  skill: number;
}

export interface World {
  options: ResolvedOptions;
  seed: number;
  header: ImportHeader;
  advisers: AdviserTraits[];
  /** Adviser indexes per office (all advisers when there are no offices). */
  advisersByOffice: number[][];
  /** Partner refs able to take an underlying problem of each category, and those referring cases in. */
  partnersServing: Record<Category, string[]>;
  referrersOf: Record<Category, string[]>;
  startDay: number;
  /** Last day of the period: the date the data set was "extracted". */
  endDay: number;
  dates: DateText;
}

/**
 * PRNG streams, so that the draws for cases, clients and advisers never overlap. A draw added later
 * gets a stream of its own, so the data sets generated before it keep every other value.
 */
export const STREAM = {
  case: 1,
  client: 2,
  adviser: 3,
  returning: 4,
  appealReason: 5,
  firstContact: 6,
  confidenceAtIntake: 7,
  retellingItem: 8,
  legalAid: 9,
  equality: 10,
} as const;

const DEFAULT_ORGANISATIONS = {
  law_centre: { ref: 'riverside-law-centre', name: 'Riverside Law Centre' },
  advice_agency: { ref: 'eastbrook-advice', name: 'Eastbrook Advice Centre' },
} as const;

export function resolveOptions(options: GeneratorOptions): ResolvedOptions {
  const kind = options.kind ?? 'law_centre';
  const resolved: ResolvedOptions = {
    cases: options.cases,
    seed: options.seed,
    kind,
    organisation: options.organisation ?? DEFAULT_ORGANISATIONS[kind],
    advisers: options.advisers ?? 12,
    offices: options.offices ?? 3,
    startDate: options.startDate ?? '2024-01-01',
    months: options.months ?? 24,
  };
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!whole(resolved.cases, 0, 100_000_000)) throw new RangeError('cases must be a whole number ≥ 0');
  if (!whole(resolved.advisers, 1, FIRST_NAMES.length * LAST_NAMES.length))
    throw new RangeError('advisers must be ≥ 1');
  if (!whole(resolved.offices, 0, AREAS.length)) throw new RangeError(`offices must be 0–${AREAS.length}`);
  if (!whole(resolved.months, 1, 600)) throw new RangeError('months must be 1–600');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(resolved.startDate) || resolved.startDate < '1990-01-01') {
    throw new RangeError('startDate must be YYYY-MM-DD, 1990 or later');
  }
  return resolved;
}

export function buildWorld(options: GeneratorOptions): World {
  const o = resolveOptions(options);
  const seed = seedOf(o.seed);
  const place = o.organisation.name.split(' ')[0];
  const domain = `${o.organisation.ref.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.org`;

  const offices = AREAS.slice(0, o.offices).map((area, i) => ({ ref: `o-${i + 1}`, name: `${place} – ${area.name}` }));
  const partners = PARTNERS.map((p, i) => ({
    ref: `p-${i + 1}`,
    name: p.name.replace('{place}', place),
    service: p.service,
  }));

  const advisers: AdviserTraits[] = [];
  const adviserRecords: ImportHeader['advisers'] = [];
  const names = new Set<string>();
  for (let i = 0; i < o.advisers; i++) {
    const r = new Random(seed, STREAM.adviser, i);
    let first = r.pick(FIRST_NAMES);
    let last = r.pick(LAST_NAMES);
    while (names.has(`${first} ${last}`)) [first, last] = [r.pick(FIRST_NAMES), r.pick(LAST_NAMES)];
    names.add(`${first} ${last}`);
    const office = o.offices > 0 ? i % o.offices : -1;
    const ref = `a-${i + 1}`;
    advisers.push({ ref, office, unit: r.chance(0.6) ? 5 : 6, style: r.logNormal(1, 0.3), skill: 0.25 * r.normal() });
    adviserRecords.push({
      ref,
      name: `${first} ${last}`,
      email: `${slug(first)}.${slug(last)}@${domain}`,
      ...(office >= 0 ? { office: offices[office].ref } : {}),
    });
  }
  const advisersByOffice =
    o.offices > 0
      ? offices.map((_, k) => advisers.flatMap((a, i) => (a.office === k ? [i] : [])))
      : [advisers.map((_, i) => i)];

  const byCategory = (field: 'serves' | 'refers') =>
    Object.fromEntries(
      CATEGORIES.map((c) => [c, PARTNERS.flatMap((p, i) => (p[field].includes(c) ? [partners[i].ref] : []))]),
    ) as Record<Category, string[]>;

  const startDay = dayOf(o.startDate);
  return {
    options: o,
    seed,
    header: { format: IMPORT_FORMAT, organisation: o.organisation, advisers: adviserRecords, offices, partners },
    advisers,
    advisersByOffice,
    partnersServing: byCategory('serves'),
    referrersOf: byCategory('refers'),
    startDay,
    endDay: dayOf(addMonths(o.startDate, o.months)) - 1,
    dates: new DateText(startDay - 30),
  };
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

export interface GeneratedClient {
  client: ImportClient;
  /** The office nearest the client's home (-1 with no offices). */
  office: number;
}

/** Vulnerability prevalence among clients (VULNERABILITIES order). */
const PREVALENCE = [0.3, 0.2, 0.12, 0.16, 0.08, 0.03];

/** Client `index`: drawn from its own stream, so a returning client has identical details every time. */
export function clientOf(world: World, index: number): GeneratedClient {
  const r = new Random(world.seed, STREAM.client, index);
  const vulnerabilities: Vulnerability[] = [];
  for (let v = 0; v < VULNERABILITIES.length; v++)
    if (r.chance(PREVALENCE[v])) vulnerabilities.push(VULNERABILITIES[v]);
  const firstName = r.pick(FIRST_NAMES);
  const lastName = r.pick(LAST_NAMES);
  const age = vulnerabilities.includes('care_leaver') ? r.between(18, 25) : 18 + Math.floor(r.float() ** 1.4 * 67);
  const offices = world.options.offices;
  const office = offices > 0 ? r.int(offices) : -1;
  const districts = AREAS[Math.max(office, 0)].districts;
  const postcodeDistrict = r.chance(0.93) ? r.pick(districts) : r.pick(OTHER_DISTRICTS);
  const client: ImportClient = {
    ref: `cl-${index + 1}`,
    firstName,
    lastName,
    dateOfBirth: world.dates.of(world.startDay - age * 365 - r.int(365)),
    postcodeDistrict,
  };
  if (r.chance(0.55)) client.email = `${slug(firstName)}.${slug(lastName)}${r.between(10, 99)}@example.com`;
  // 07700 900000–900999 is Ofcom's range reserved for drama: never a real person's number.
  if (r.chance(0.85)) client.phone = `07700 900${String(r.int(1000)).padStart(3, '0')}`;
  client.vulnerabilities = vulnerabilities;
  client.evidenceConsent = r.chance(0.9);
  const equality = equalityOf(new Random(world.seed, STREAM.equality, index), vulnerabilities);
  if (equality) client.equality = equality;
  return { client, office };
}
