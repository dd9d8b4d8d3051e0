/**
 * Find a client or party (docs/benchmarks.md): one organisation holding `people` clients and `people` parties
 * (1,000,000 each at full size), searched through the conflict check's search (the same function
 * the conflict check records). A generated test set with known answers: a person drawn at random,
 * their name with one letter wrong (replaced, dropped, doubled or two swapped) and the words in
 * either order, alone, with their date of birth, or with their postcode district. Recall is whether
 * that person is in the first five results; by name alone a namesake cannot be told apart, so that
 * kind also counts a result with exactly the same name.
 * The people are written once and kept: a kept database (BENCH_DATA_DIR) measures them again.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { ConflictChecksService } from '../casework/conflicts/conflict-checks.service.js';
import { copyRows, type CopyValue } from '../interchange/copy-rows.js';
import { Random } from '../interchange/prng.js';
import { summarise, timed, type Summary } from './stats.js';

const ORG_REF = 'bench-search';
const CASES = 1000;

// prettier-ignore
const FIRST = [
  'Ana', 'Sam', 'Aisha', 'Tom', 'Fatima', 'Daniel', 'Grace', 'Mohammed', 'Chloe', 'Kwame', 'Priya', 'Liam', 'Zainab',
  'Oliver', 'Amira', 'Jack', 'Sofia', 'Ibrahim', 'Emily', 'Tariq', 'Hannah', 'Chen', 'Maria', 'Joseph', 'Blessing',
  'Ryan', 'Leila', 'David', 'Nadia', 'Kofi', 'Ewa', 'Michael', 'Yasmin', 'Connor', 'Abdi', 'Ruth', 'Marcus', 'Shanice',
  'Tomasz', 'Farah', 'George', 'Precious', 'Ravi', 'Sarah', 'Hassan', 'Olga', 'Patrick', 'Mei', 'John', 'James',
  'Margaret', 'Susan', 'Peter', 'Paul', 'Linda', 'Karen', 'Stephen', 'Andrew', 'Helen', 'Julie', 'Mark', 'Claire',
  'Lucy', 'Ahmed', 'Omar', 'Yusuf', 'Amina', 'Halima', 'Ngozi', 'Chidi', 'Adebayo', 'Funmi', 'Agnieszka', 'Piotr',
  'Krzysztof', 'Magdalena', 'Irina', 'Dmitri', 'Elena', 'Giorgio', 'Lucia', 'Mateo', 'Camila', 'Diego', 'Valentina',
  'Arjun', 'Deepak', 'Sunita', 'Anjali', 'Rahul', 'Nisha', 'Bilal', 'Sana', 'Imran', 'Rukhsana', 'Kemal', 'Ayse',
  'Mehmet', 'Elif', 'Thanh', 'Linh', 'Wei', 'Xiu', 'Hiroshi', 'Yuki', 'Sean', 'Siobhan', 'Ciaran', 'Niamh', 'Rhys',
  'Bethan', 'Gareth', 'Eilidh', 'Callum', 'Morag', 'Winston', 'Marcia', 'Delroy', 'Beverley', 'Kayode', 'Temi',
];
const SURNAME_HEAD = [
  'Ab',
  'Ad',
  'Al',
  'Ash',
  'Bar',
  'Bel',
  'Black',
  'Bran',
  'Brook',
  'Car',
  'Cham',
  'Cole',
  'Dal',
  'Dar',
  'Ed',
  'El',
  'Fair',
  'Far',
  'Gold',
  'Green',
  'Hal',
  'Har',
  'Hol',
  'Kel',
  'Kings',
  'Lan',
  'Law',
  'Mar',
  'Mer',
  'Mor',
  'Nor',
  'Ok',
  'Os',
  'Pen',
  'Ram',
  'Red',
  'Ros',
  'Sal',
  'Shaw',
  'Stan',
  'Thorn',
  'Wal',
  'West',
  'Whit',
  'Win',
  'Yor',
];
const SURNAME_MID = ['', '', 'a', 'e', 'i', 'o', 'er', 'en', 'in', 'on'];
const SURNAME_TAIL = [
  'by',
  'croft',
  'den',
  'ford',
  'ham',
  'ley',
  'man',
  'more',
  'ridge',
  'son',
  'ton',
  'well',
  'wood',
  'worth',
  'field',
  'ali',
  'ade',
  'enko',
  'ski',
  'ova',
  'ini',
  'ez',
  'ani',
  'oye',
  'ishi',
  'quist',
  'berg',
  'stein',
  'ic',
  'ovic',
];
// prettier-ignore
const DISTRICTS = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9', 'E10', 'E11', 'E13', 'E14', 'E15', 'E16', 'E17', 'E20', 'IG1', 'IG2', 'IG3', 'RM6', 'N1', 'N16', 'N17', 'SE15', 'SW9', 'W12', 'NW10', 'CR0', 'EC1V', 'WC1X', 'SW1A', 'M1', 'B5', 'LS6', 'BS3', 'CF10', 'G42', 'EH7', 'L8'];

interface Person {
  name: string;
  dateOfBirth: string | null;
  postcodeDistrict: string | null;
}

/** Person `index` of a kind: drawn from its own stream, so the test set knows the answers without reading them back. */
function personOf(kind: 'client' | 'party', index: number): Person & { first: string; last: string } {
  const r = new Random(7, kind === 'client' ? 1 : 2, index);
  const first = r.pick(FIRST);
  const last = r.chance(0.15)
    ? r.pick(FIRST) + 's'
    : `${r.pick(SURNAME_HEAD)}${r.pick(SURNAME_MID)}${r.pick(SURNAME_TAIL)}`;
  const day = new Date(Date.UTC(1930, 0, 1) + r.int(28_000) * 86_400_000).toISOString().slice(0, 10);
  return {
    first,
    last,
    name: `${first} ${last}`,
    dateOfBirth: r.chance(0.9) ? day : null,
    postcodeDistrict: r.chance(0.8) ? r.pick(DISTRICTS) : null,
  };
}

/** One letter wrong: replaced, dropped, doubled, or swapped with the next. */
function typo(r: Random, word: string): string {
  const i = r.int(word.length);
  const letter = String.fromCharCode(97 + r.int(26));
  switch (r.int(4)) {
    case 0:
      return word.slice(0, i) + (letter === word[i] ? 'x' : letter) + word.slice(i + 1);
    case 1:
      return word.length > 3 ? word.slice(0, i) + word.slice(i + 1) : word + letter;
    case 2:
      return word.slice(0, i + 1) + word[i] + word.slice(i + 1);
    default:
      return i < word.length - 1 && word[i] !== word[i + 1]
        ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
        : word.slice(0, i) + letter + word.slice(i);
  }
}

async function seed(client: pg.ClientBase, people: number, log: (m: string) => void): Promise<string> {
  const { rows: found } = await client.query<{ id: string; n: number }>(
    `SELECT o.id, (SELECT count(*)::int FROM clients c WHERE c.organisation_id = o.id) AS n FROM organisations o WHERE o.ref = $1`,
    [ORG_REF],
  );
  if (found[0]?.n === people) return found[0].id;
  if (found[0])
    throw new Error(`organisation ${ORG_REF} holds ${found[0].n} clients, not ${people}: use a fresh database`);
  await client.query('BEGIN');
  const {
    rows: [{ id: org }],
  } = await client.query<{ id: string }>(
    `INSERT INTO organisations (ref, name) VALUES ($1, 'Search bench') RETURNING id`,
    [ORG_REF],
  );
  const {
    rows: [{ id: adviser }],
  } = await client.query<{ id: string }>(
    `INSERT INTO users (organisation_id, ref, name, role) VALUES ($1, 'bench-adviser', 'Bench Adviser', 'adviser') RETURNING id`,
    [org],
  );
  const chunk = 50_000;
  for (let start = 0; start < people; start += chunk) {
    const rows: CopyValue[][] = [];
    for (let i = start; i < Math.min(people, start + chunk); i++) {
      const p = personOf('client', i);
      rows.push([org, `SB-C${i}`, p.first, p.last, p.dateOfBirth, p.postcodeDistrict]);
    }
    await copyRows(
      client,
      'clients',
      ['organisation_id', 'ref', 'first_name', 'last_name', 'date_of_birth', 'postcode_district'],
      rows,
    );
    if ((start + chunk) % 200_000 === 0) log(`  ${(start + chunk).toLocaleString('en-GB')} clients`);
  }
  const { rows: cases } = await client.query<{ id: string }>(
    `INSERT INTO cases (organisation_id, ref, client_id, category, opened_on, lead_adviser_id, funding_stream, arrival_route)
     SELECT $1, 'SB-' || c.ref, c.id, 'housing', '2025-01-01', $2, 'grant', 'self'
       FROM clients c WHERE c.organisation_id = $1 ORDER BY c.ref LIMIT $3 RETURNING id`,
    [org, adviser, CASES],
  );
  for (let start = 0; start < people; start += chunk) {
    const rows: CopyValue[][] = [];
    for (let i = start; i < Math.min(people, start + chunk); i++) {
      const p = personOf('party', i);
      rows.push([
        org,
        cases[i % cases.length].id,
        i % 3 ? 'third_party' : 'opponent',
        'person',
        p.name,
        p.dateOfBirth,
        p.postcodeDistrict,
        `PR-${i}`,
      ]);
    }
    await copyRows(
      client,
      'case_parties',
      ['organisation_id', 'case_id', 'role', 'kind', 'name', 'date_of_birth', 'postcode_district', 'reference'],
      rows,
    );
    if ((start + chunk) % 200_000 === 0) log(`  ${(start + chunk).toLocaleString('en-GB')} parties`);
  }
  await client.query('COMMIT');
  await client.query('VACUUM ANALYZE clients, case_parties');
  return org;
}

type QueryKind = 'name' | 'name+birth' | 'name+district';
const KINDS: QueryKind[] = ['name', 'name+birth', 'name+district'];

export interface SearchKindFigures {
  queries: number;
  time: Summary;
  /** The person searched for among the first five results. */
  recallAt5: number;
  /** That person, or someone with exactly their name, among the first five. */
  nameAt5: number;
}

export interface SearchFigures {
  clients: number;
  parties: number;
  seedSeconds: number;
  time: Summary;
  kinds: Record<QueryKind, SearchKindFigures>;
}

export async function benchSearch(
  app: INestApplicationContext,
  pool: pg.ClientBase,
  options: { people: number; queries: number },
  log: (m: string) => void,
): Promise<SearchFigures> {
  const seeded = await timed(() => seed(pool, options.people, log));
  const org = seeded.value;
  const checks = app.get(ConflictChecksService);
  const dataSource = app.get(DataSource);
  const r = new Random(11, 3, 0);
  const samples: Record<QueryKind, { ms: number[]; hits: number; named: number }> = {
    name: { ms: [], hits: 0, named: 0 },
    'name+birth': { ms: [], hits: 0, named: 0 },
    'name+district': { ms: [], hits: 0, named: 0 },
  };
  // Warm-up: the indexes into memory, as on a machine in use.
  for (let i = 0; i < 20; i++) await checks.search(org, { name: personOf('client', i).name });
  const all: number[] = [];
  for (let q = 0; q < options.queries; q++) {
    const kind = KINDS[q % KINDS.length];
    const source = r.chance(0.5) ? 'client' : 'party';
    const index = r.int(options.people);
    const person = personOf(source, index);
    if (kind === 'name+birth' && !person.dateOfBirth) continue;
    if (kind === 'name+district' && !person.postcodeDistrict) continue;
    const words = [person.first, person.last];
    const wrong = r.int(2);
    words[wrong] = typo(r, words[wrong].toLowerCase());
    if (r.chance(0.5)) words.reverse();
    const query = {
      name: words.join(' '),
      dateOfBirth: kind === 'name+birth' ? person.dateOfBirth! : undefined,
      postcodeDistrict: kind === 'name+district' ? person.postcodeDistrict! : undefined,
    };
    const { ms, value } = await timed(() => checks.search(org, query));
    samples[kind].ms.push(ms);
    all.push(ms);
    const top = value.items.slice(0, 5);
    const ref = source === 'client' ? `SB-C${index}` : null;
    const [{ id }] = await dataSource.query(
      source === 'client'
        ? `SELECT id FROM clients WHERE organisation_id = $1 AND ref = $2`
        : `SELECT id FROM case_parties WHERE organisation_id = $1 AND reference = $2`,
      [org, ref ?? `PR-${index}`],
    );
    if (top.some((m) => m.id === id)) samples[kind].hits++;
    if (top.some((m) => m.id === id || m.name.toLowerCase() === person.name.toLowerCase())) samples[kind].named++;
  }
  const kinds = Object.fromEntries(
    KINDS.map((k) => {
      const s = samples[k];
      const n = s.ms.length;
      return [k, { queries: n, time: summarise(s.ms), recallAt5: s.hits / n, nameAt5: s.named / n }];
    }),
  ) as Record<QueryKind, SearchKindFigures>;
  return {
    clients: options.people,
    parties: options.people,
    seedSeconds: seeded.ms / 1000,
    time: summarise(all),
    kinds,
  };
}
