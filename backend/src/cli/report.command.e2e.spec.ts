/**
 * The built CLI (`node backend/dist/cli/main.js report …`; build first with `npx tsc -b shared backend`)
 * against a test database: with --json, stdout is only the JSON document and equals the API's
 * answer for the same organisation and filters; bad values name their option and exit 2.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { assertCliBuilt, runCli } from '../../test/cli.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { type Fixture, seedOrganisation } from '../analytics/testing/report-fixture.js';

describe('npm run deepvalue -- report …', () => {
  let sut: Harness;
  let manager: TestUser;
  let fixture: Fixture;
  let ref: string;

  beforeAll(async () => {
    assertCliBuilt();
    sut = await createHarness();
    ({ ref, manager, fixture } = await seedOrganisation(sut, 150, 3));
  }, 180_000);
  afterAll(async () => {
    await sut?.close();
  });

  it.each([
    [
      ['time-vs-outcome', '--measure', 'accepted', '--category', 'debt'],
      '/api/reports/time-vs-outcome?measure=accepted&category=debt',
    ],
    [
      ['time-vs-outcome', '--funding-stream', 'grant', '--from', '2024-06-01'],
      '/api/reports/time-vs-outcome?fundingStream=grant&from=2024-06-01',
    ],
    [
      ['measures', '--arrival', 'self', '--vulnerability', 'mental_health'],
      '/api/reports/measures?arrival=self&vulnerability=mental_health&detail=true',
    ],
    [['fixed-fee', '--to', '2026-06-30'], '/api/reports/fixed-fee?to=2026-06-30'],
    [
      ['trends', '--measure', 'bounce_out', '--period', 'quarter'],
      '/api/reports/trends?measure=bounce_out&period=quarter',
    ],
    [['chain', '--category', 'housing'], '/api/reports/chain?category=housing'],
    [
      ['breakdown', '--by', 'category', '--measure', 'problem_uncovered'],
      '/api/reports/breakdown?by=category&measure=problem_uncovered',
    ],
  ])('report %j --json prints only what the API answers', async (args, url) => {
    const cli = await runCli(['report', ...args, '--org', ref, '--json'], sut.db);
    expect(cli.stderr).not.toMatch(/Error/);
    expect(cli.code).toBe(0);
    const api = await sut.as(manager).get(url).expect(200);
    expect(JSON.parse(cli.stdout)).toEqual(api.body);
  });

  it('filters by office and adviser ids as the API does', async () => {
    const args = [
      'report',
      'time-vs-outcome',
      '--org',
      ref,
      '--office',
      fixture.officeIds[0],
      '--adviser',
      fixture.adviserIds[1],
      '--json',
    ];
    const cli = await runCli(args, sut.db);
    const api = await sut
      .as(manager)
      .get(`/api/reports/time-vs-outcome?office=${fixture.officeIds[0]}&adviser=${fixture.adviserIds[1]}`)
      .expect(200);
    expect(JSON.parse(cli.stdout)).toEqual(api.body);
  });

  it('prints a readable table without --json', async () => {
    const cli = await runCli(['report', 'time-vs-outcome', '--org', ref], sut.db);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/Time against outcome: Positive outcome/);
    expect(cli.stdout).toMatch(/< 1 h/);
    expect(cli.stdout).toMatch(/not that relationship time caused/);
    const measures = await runCli(['report', 'measures', '--org', ref], sut.db);
    expect(measures.stdout).toMatch(/Relationship quality index/);
  });

  it('names the option of a bad value and exits 2', async () => {
    const bad = await runCli(
      ['report', 'time-vs-outcome', '--org', ref, '--category', 'cats', '--from', '2024-13-01', '--json'],
      sut.db,
    );
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/--category: must be one of/);
    expect(bad.stderr).toMatch(/--from: must be a real date written YYYY-MM-DD/);
    const measure = await runCli(['report', 'trends', '--org', ref, '--measure', 'joy', '--period', 'week'], sut.db);
    expect(measure.code).toBe(2);
    expect(measure.stderr).toMatch(/--measure: must be one of/);
    expect(measure.stderr).toMatch(/--period: must be one of/);
    const fundingStream = await runCli(['report', 'measures', '--org', ref, '--funding-stream', 'lottery'], sut.db);
    expect(fundingStream.stderr).toMatch(/--funding-stream: must be one of/);
    const org = await runCli(['report', 'measures', '--org', 'no-such-org'], sut.db);
    expect(org.code).toBe(2);
    expect(org.stderr).toMatch(/--org: no organisation with ref "no-such-org"/);
  }, 180_000); // four CLI processes, each starting Node and Nest: over a minute on a busy machine
});
