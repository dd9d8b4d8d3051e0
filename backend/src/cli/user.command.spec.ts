import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { createHarness, type Harness } from '../../test/harness.js';
import { TEST_PASSWORD } from '../access/testing/passwords.fixture.js';
import type { CliContext } from './command.js';
import { readPasswordFromStdin, userCreateCommand } from './user.command.js';

describe('user create', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  function context() {
    const out = new PassThrough();
    const logs: string[] = [];
    let stdout = '';
    out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const ctx = {
      config: {},
      databaseUrl: h.db.url,
      app: async () => h.app,
      log: (message: string) => logs.push(message),
      stdout: out,
    } as unknown as CliContext;
    return { ctx, logs, stdout: () => stdout };
  }

  const run = (password: string, values: Record<string, string>) => {
    const run = context();
    const command = userCreateCommand(async () => password);
    return command.run({ values, positionals: [] }, run.ctx).then((code) => ({ code, ...run }));
  };

  it('creates the first admin of a new organisation when --org-name is given; the admin can sign in', async () => {
    const result = await run(TEST_PASSWORD, {
      email: 'First.Admin@Law.Example',
      role: 'admin',
      org: 'lawcentre-new',
      'org-name': 'New Law Centre',
      name: 'First Admin',
    });
    expect(result.code).toBe(0);
    expect(result.stdout()).toMatch(
      /^Created admin first\.admin@law\.example in lawcentre-new \(id [0-9a-f-]{36}\)\n$/,
    );
    await h
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'first.admin@law.example', password: TEST_PASSWORD })
      .expect(200);
  });

  it('refuses an unknown organisation without --org-name, saying how to create it', async () => {
    const result = await run(TEST_PASSWORD, { email: 'a@b.example', role: 'admin', org: 'no-such-org' });
    expect(result.code).toBe(1);
    expect(result.logs.join('\n')).toMatch(/no organisation with reference "no-such-org".*--org-name/);
  });

  it('refuses a password that breaks the policy and creates nothing', async () => {
    const org = await h.makeOrganisation();
    const result = await run('short', { email: 'weak@b.example', role: 'adviser', org: org.ref });
    expect(result.code).toBe(1);
    expect(result.logs.join('\n')).toMatch(/at least 12 characters/);
    expect(await h.dataSource.query(`SELECT 1 FROM users WHERE email = 'weak@b.example'`)).toHaveLength(0);
  });

  it('refuses a commissioner role in an advice organisation', async () => {
    const org = await h.makeOrganisation();
    const result = await run(TEST_PASSWORD, { email: 'c@b.example', role: 'commissioner', org: org.ref });
    expect(result.code).toBe(1);
    expect(result.logs.join('\n')).toMatch(/provider organisation cannot have the role commissioner/);
  });

  it('rejects a bad role as a usage error', async () => {
    await expect(run(TEST_PASSWORD, { email: 'x@b.example', role: 'boss', org: 'x' })).rejects.toThrow(
      /--role must be one of/,
    );
  });

  it('reads the password from the first line of piped stdin', async () => {
    const stdin = new PassThrough();
    stdin.end(`${TEST_PASSWORD}\nignored second line\n`);
    expect(await readPasswordFromStdin('Password: ', true, stdin)).toBe(TEST_PASSWORD);
  });
});
