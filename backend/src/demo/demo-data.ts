/**
 * Demo mode: on an empty database, load two believable organisations from the seeded
 * generator — a law centre and an advice agency — that share with one commissioner, plus one
 * signed-in user per role. Only ever runs in demo mode (DEMO_DATA, on by default on the embedded
 * database); production databases never get demo users.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { hashPassword } from '../access/passwords.js';
import { dataSourceOptions } from '../database/data-source.js';
import { writeNdjson } from '../interchange/generator.js';
import { AuditService } from '../audit/audit.service.js';
import { ImportService } from '../interchange/import.service.js';
import { loadLegalAidCodes } from '../legal-aid/legal-aid-codes.js';

export const DEMO_PASSWORD = 'deep-value-demo';

export interface DemoSummary {
  password: string;
  users: Array<{ role: string; email: string; organisation: string }>;
}

// The LAA office accounts are made up (DEMO01, DEMO02), so the demo's contract report is never
// taken for a real provider's.
const ORGANISATIONS = [
  {
    ref: 'riverside-law-centre',
    name: 'Riverside Law Centre',
    kind: 'law_centre' as const,
    share: 0.62,
    seed: 2026,
    laaAccount: 'DEMO01',
    quarterlyFundingGbp: 62_500,
  },
  {
    ref: 'northgate-advice',
    name: 'Northgate Advice Agency',
    kind: 'advice_agency' as const,
    share: 0.38,
    seed: 1904,
    laaAccount: 'DEMO02',
    quarterlyFundingGbp: 38_000,
  },
];
const COMMISSIONER = { ref: 'county-commissioning', name: 'County Legal Support Commissioning' };

/** Loads the demo when the database has no organisations; returns the sign-in details either way. */
export async function ensureDemoData(
  url: string,
  log: (message: string) => void,
  totalCases: number,
): Promise<DemoSummary> {
  const dataSource = new DataSource(dataSourceOptions(url, 4));
  await dataSource.initialize();
  try {
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM organisations`);
    if (count === 0) await loadDemo(dataSource, log, totalCases);
    return await summary(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function loadDemo(dataSource: DataSource, log: (message: string) => void, totalCases: number): Promise<void> {
  const started = Date.now();
  log(`Loading demo data (${totalCases} generated cases in two organisations)…`);
  // The demo is checked against the shipped code lists.
  const importer = new ImportService(dataSource, new AuditService(dataSource), { codes: loadLegalAidCodes() });
  const providerIds: string[] = [];
  for (const org of ORGANISATIONS) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-demo-')), 'demo.ndjson');
    const out = fs.createWriteStream(file);
    await writeNdjson(
      {
        cases: Math.round(totalCases * org.share),
        seed: org.seed,
        kind: org.kind,
        organisation: { ref: org.ref, name: org.name },
      },
      out,
    );
    await new Promise<void>((resolve) => out.end(resolve));
    const result = await importer.importFile(file, { organisationRef: org.ref, createOrganisation: true });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    if (!result.ok)
      throw new Error(`demo data did not import: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    providerIds.push(result.organisationId);
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await dataSource.transaction(async (tx) => {
    const [commissioner] = await tx.query(
      `INSERT INTO organisations (ref, name, kind) VALUES ($1, $2, 'commissioner') RETURNING id`,
      [COMMISSIONER.ref, COMMISSIONER.name],
    );
    for (const role of ['commissioner', 'admin'] as const) {
      await tx.query(
        `INSERT INTO users (organisation_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)`,
        [
          commissioner.id,
          `${role}@${COMMISSIONER.ref}.example.org`,
          role === 'commissioner' ? 'Chris Commissioner' : 'Demo Admin',
          role,
          passwordHash,
        ],
      );
    }
    for (const [i, org] of ORGANISATIONS.entries()) {
      const id = providerIds[i];
      await tx.query(`UPDATE organisations SET settings = settings || $2::jsonb WHERE id = $1`, [
        id,
        JSON.stringify({ legalAidOfficeAccount: org.laaAccount, legalAidScheduleRef: `${org.laaAccount}/2024/01` }),
      ]);
      // Made-up quarterly grants for two financial years, so the demo's packs show value per £1 of funding.
      await tx.query(
        `INSERT INTO organisation_funding (organisation_id, period_from, period_to, amount_gbp, funder)
         SELECT $1, q, (q + interval '3 months - 1 day')::date, $2, 'Demo: county legal support contract'
           FROM generate_series(date '2024-04-01', date '2026-01-01', interval '3 months') AS q`,
        [id, org.quarterlyFundingGbp],
      );
      await tx.query(`INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $2)`, [
        id,
        commissioner.id,
      ]);
      for (const role of ['manager', 'admin'] as const) {
        await tx.query(
          `INSERT INTO users (organisation_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)`,
          [
            id,
            `${role}@${org.ref}.example.org`,
            `Demo ${role === 'manager' ? 'Manager' : 'Admin'}`,
            role,
            passwordHash,
          ],
        );
      }
      // The adviser demo user is a generated adviser with cases of their own (imported as a record
      // without sign-in: the demo gives it an email and a password, as an admin's invite would).
      await tx.query(
        `UPDATE users SET password_hash = $2, email = $3 WHERE id = (
           SELECT lead_adviser_id FROM cases WHERE organisation_id = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)`,
        [id, passwordHash, `adviser@${org.ref}.example.org`],
      );
    }
  });
  log(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function summary(dataSource: DataSource): Promise<DemoSummary> {
  const users: Array<{ role: string; email: string; organisation: string }> = await dataSource.query(
    `SELECT DISTINCT ON (o.ref, u.role) u.role, u.email, o.name AS organisation
     FROM users u JOIN organisations o ON o.id = u.organisation_id
     WHERE u.password_hash IS NOT NULL AND u.email LIKE '%.example.org' AND u.active
     ORDER BY o.ref, u.role, u.email`,
  );
  return { password: DEMO_PASSWORD, users };
}
