/**
 * The built CLI (`node backend/dist/cli/main.js evidence-pack …`; build first with
 * `npx tsc -b shared backend`) against a test database: it writes the XLSX, the PDF, one CSV per
 * table and the manifest, whose hashes match the files; the files are byte-identical to the API's
 * for the same organisation and period; bad options exit 2.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertCliBuilt, runCli } from '../../test/cli.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { AS_OF, PERIOD, seedPackFixture } from '../evidence/testing/pack-fixture.js';
import { sha256, type Manifest } from '../evidence/writers/render-pack.js';
import { readZip } from '../evidence/writers/zip.js';

describe('npm run deepvalue -- evidence-pack …', () => {
  let sut: Harness;
  let manager: TestUser;
  let ref: string;
  let out: string;

  beforeAll(async () => {
    assertCliBuilt();
    sut = await createHarness();
    const org = await sut.makeOrganisation({ name: 'Westside Law Centre' });
    ref = org.ref;
    manager = await sut.makeUser(org.id, 'manager');
    await seedPackFixture(
      sut.dataSource,
      org.id,
      (name) => sut.makeUser(org.id, 'adviser', { name }).then((u) => u.id),
      {
        cases: 120,
      },
    );
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-pack-'));
  }, 120_000);
  afterAll(async () => {
    await sut?.close();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it('writes the XLSX, PDF, CSV files and a manifest whose hashes match them', async () => {
    const result = await runCli(
      ['evidence-pack', '--org', ref, '--from', PERIOD.from, '--to', PERIOD.to, '--as-of', AS_OF, '--out', out],
      sut.db,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote \d+ files to .* \(inputs SHA-256 [0-9a-f]{64}\)\n$/);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.organisations).toEqual([{ ref, name: 'Westside Law Centre' }]);
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['evidence-pack.xlsx', 'evidence-pack.pdf', 'csv/cases.csv']),
    );
    for (const file of manifest.files) expect(sha256(fs.readFileSync(path.join(out, file.path)))).toBe(file.sha256);
    expect(fs.readFileSync(path.join(out, 'evidence-pack.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readdirSync(path.join(out, 'csv')).length).toBe(manifest.tables.length);
  });

  it('writes the same bytes as the API gives for the same organisation and period', async () => {
    const res = await sut
      .as(manager)
      .get(`/api/evidence-packs/download?from=${PERIOD.from}&to=${PERIOD.to}&asOf=${AS_OF}&format=zip`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    for (const entry of readZip(res.body as Buffer)) {
      expect({ path: entry.path, same: entry.bytes.equals(fs.readFileSync(path.join(out, entry.path))) }).toEqual({
        path: entry.path,
        same: true,
      });
    }
  });

  it.each([
    [['evidence-pack', '--from', PERIOD.from, '--to', PERIOD.to, '--out', '/tmp/x'], /exactly one of --org/],
    [['evidence-pack', '--org', 'x', '--from', '2024-13-01', '--to', PERIOD.to, '--out', '/tmp/x'], /--from must be/],
    [['evidence-pack', '--org', 'x', '--from', PERIOD.from, '--to', PERIOD.to], /--out DIR is required/],
  ])('rejects %j with exit code 2', async (args, message) => {
    const result = await runCli(args, sut.db);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('re-creates with the fee-table version a manifest names, and refuses one that does not exist', async () => {
    const base = ['evidence-pack', '--org', ref, '--from', PERIOD.from, '--to', PERIOD.to, '--as-of', AS_OF];
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-pack-'));
    try {
      const result = await runCli([...base, '--fee-table-version', '0', '--out', again], sut.db);
      expect(result.code).toBe(0);
      const manifest = JSON.parse(fs.readFileSync(path.join(again, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.feeTables).toEqual([{ organisationRef: ref, version: 0, usingDefaults: true }]);
      const first = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.inputsSha256).toBe(first.inputsSha256);
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
    const missing = await runCli([...base, '--fee-table-version', '4', '--out', again], sut.db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/feeTableVersion: names a fee-table version that does not exist/);
    const bad = await runCli([...base, '--fee-table-version', 'latest', '--out', again], sut.db);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--fee-table-version must be a version number, or REF=N/);
  });

  it('prices a combined pack with each provider’s own table (--priced-with provider), naming the CLI flag when refused', async () => {
    const funder = await sut.makeOrganisation({ name: 'Shire Funders', kind: 'commissioner' });
    const other = await sut.makeOrganisation({ name: 'Eastgate Advice' });
    await sut.dataSource.query(
      `INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $3), ($2, $3)`,
      [manager.organisationId, other.id, funder.id],
    );
    const args = ['evidence-pack', '--commissioner', funder.ref, '--from', PERIOD.from, '--to', PERIOD.to];
    const each = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-pack-'));
    try {
      const result = await runCli([...args, '--priced-with', 'provider', '--out', each], sut.db);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const manifest = JSON.parse(fs.readFileSync(path.join(each, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.unitCosts.eachProvider?.map((p) => p.organisationRef).sort()).toEqual([ref, other.ref].sort());
      expect(fs.readFileSync(path.join(each, 'csv/unit-costs.csv'), 'utf8')).toContain('Not published');
    } finally {
      fs.rmSync(each, { recursive: true, force: true });
    }
    const version = ['--priced-with', 'provider', '--unit-cost-version', '1', '--out', out];
    const refused = await runCli([...args, ...version], sut.db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--unit-cost-version names a version of one table/);
    expect(refused.stderr).not.toMatch(/unitCostVersion/);
  });

  it('refuses --priced-with for a provider’s own pack, which is always priced with its own unit costs', async () => {
    const result = await runCli(
      [
        'evidence-pack',
        '--org',
        ref,
        '--from',
        PERIOD.from,
        '--to',
        PERIOD.to,
        '--priced-with',
        'commissioner',
        '--out',
        out,
      ],
      sut.db,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--priced-with applies to a commissioner’s pack/);
  });

  it('says so when the organisation does not exist', async () => {
    const result = await runCli(
      ['evidence-pack', '--org', 'no-such-org', '--from', PERIOD.from, '--to', PERIOD.to, '--out', out],
      sut.db,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no organisation with reference "no-such-org"');
  });
});
