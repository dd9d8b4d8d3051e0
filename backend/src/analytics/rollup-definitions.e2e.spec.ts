/**
 * The roll-up functions in the database count each outcome measure with the text its definition
 * generates (outcome-measures.sql.ts): the definitions are written once, and a change to one that
 * no migration carries into the roll-ups fails here, naming the function and the count.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness } from '../../test/harness.js';
import { outcomeRollupCounts } from './outcome-measures.sql.js';

const REPORT_FUNCTIONS = ['case_rollups_apply()', 'rebuild_case_rollups(uuid)'];
const PATTERN_FUNCTIONS = ['case_pattern_rollups_apply()', 'rebuild_case_pattern_rollups(uuid)'];

describe('roll-up functions and the outcome measure definitions', () => {
  let h: Harness;
  const source = new Map<string, string>();

  beforeAll(async () => {
    h = await createHarness();
    for (const fn of [...REPORT_FUNCTIONS, ...PATTERN_FUNCTIONS]) {
      const [{ def }] = await h.dataSource.query(`SELECT pg_get_functiondef($1::regprocedure) AS def`, [fn]);
      source.set(fn, def);
    }
  });
  afterAll(() => h.close());

  const missing = (functions: string[], count: (column: string, condition: string) => string) =>
    functions.flatMap((fn) =>
      outcomeRollupCounts()
        .filter(([column, condition]) => !source.get(fn)!.includes(count(column, condition)))
        .map(([column, condition]) => `${fn} does not count ${column} as ${condition}`),
    );

  it('counts every outcome measure in case_rollups as its definition says', () => {
    expect(missing(REPORT_FUNCTIONS, (c, cond) => `count(*) FILTER (WHERE ${cond})::integer AS ${c}`)).toEqual([]);
  });

  it('counts every outcome measure in case_pattern_rollups as its definition says', () => {
    expect(
      missing(PATTERN_FUNCTIONS, (c, cond) => `coalesce(sum(s) FILTER (WHERE ${cond}), 0)::integer AS ${c}`),
    ).toEqual([]);
  });
});
