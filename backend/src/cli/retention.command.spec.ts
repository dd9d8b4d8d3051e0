import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { createHarness, type Harness } from '../../test/harness.js';
import { makeCasework } from '../casework/testing/casework-fixture.js';
import type { CliContext } from './command.js';
import { retentionApply } from './retention.command.js';

describe('retention apply', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  async function run(values: Record<string, string | boolean>) {
    const out = new PassThrough();
    let stdout = '';
    out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const ctx = { app: async () => h.app, log: () => {}, stdout: out } as unknown as CliContext;
    const code = await retentionApply.run({ values, positionals: [] }, ctx);
    return { code, stdout };
  }

  it('reports what a dry run would do, then does it', async () => {
    const org = await h.makeOrganisation();
    const old = await makeCasework(h.dataSource, org.id, { openedOn: '2010-01-01', closedOn: '2011-02-03' });
    const dry = await run({ org: org.ref, 'dry-run': true });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      `${org.ref}: retention 6 years; would anonymise 1 client(s)\n` +
        `  ${old.clientId}  last case closed 2011-02-03\n` +
        'Dry run: nothing was changed.\n',
    );
    const applied = await run({ org: org.ref });
    expect(applied.stdout).toMatch(new RegExp(`^${org.ref}: retention 6 years; anonymised 1 client\\(s\\)\\n`));
    const [client] = await h.dataSource.query(`SELECT erased_at FROM clients WHERE id = $1`, [old.clientId]);
    expect(client.erased_at).not.toBeNull();
  });
});
