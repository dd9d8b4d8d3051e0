/**
 * The per-case facts and both roll-up tables as the row-level triggers keep them (migration
 * 1764300000000: a time entry added moves its case's facts by its own minutes, and since
 * 1764730000100 one corrected or removed by the difference where that is enough; any other write
 * recomputes the case) against the same tables computed afresh — refresh_case_facts over every
 * case, rebuild_case_rollups and rebuild_case_pattern_rollups — after writes of every kind, open
 * and closed cases, one row and many rows per statement, and concurrent sessions on one case.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness } from '../../test/harness.js';
import { type Fixture, seedOrganisation } from './testing/report-fixture.js';

const FACTS = `SELECT * FROM case_facts WHERE organisation_id = $1 ORDER BY case_id`;
const ROLLUPS = `SELECT * FROM case_rollups WHERE organisation_id = $1 ORDER BY dim, dim_value, closed_on, band`;
const PATTERNS = `SELECT * FROM case_pattern_rollups WHERE organisation_id = $1
  ORDER BY dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes`;

describe('facts and roll-ups kept by the row-level triggers', () => {
  let h: Harness;
  let fixture: Fixture;

  beforeAll(async () => {
    h = await createHarness();
    ({ fixture } = await seedOrganisation(h, 120, 5));
  }, 180_000);
  afterAll(() => h.close());

  const q = (sql: string, params: unknown[] = []) => h.dataSource.query(sql, params);
  const org = () => fixture.orgId;

  /** What the triggers left, then the same recomputed from the records; both must be equal. */
  const expectCurrent = async () => {
    const kept = {
      facts: await q(FACTS, [org()]),
      rollups: await q(ROLLUPS, [org()]),
      patterns: await q(PATTERNS, [org()]),
    };
    expect(kept.rollups.length).toBeGreaterThan(20);
    await q(`SELECT refresh_case_facts(ARRAY(SELECT id FROM cases WHERE organisation_id = $1))`, [org()]);
    await q(`SELECT rebuild_case_rollups($1), rebuild_case_pattern_rollups($1)`, [org()]);
    expect(await q(FACTS, [org()])).toEqual(kept.facts);
    expect(await q(ROLLUPS, [org()])).toEqual(kept.rollups);
    expect(await q(PATTERNS, [org()])).toEqual(kept.patterns);
  };

  const entry = (caseId: string, adviserId: string, on: string, minutes: number, kind = 'relationship') =>
    q(
      `INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode)
       VALUES ($1, $2, $3, $4, $5, $6, 'advice_session', $7)`,
      [org(), caseId, adviserId, on, minutes, kind, kind === 'relationship' ? 'phone' : 'none'],
    );

  it('adds each new time entry to its case: open and closed, lead adviser or not, earlier than any before', async () => {
    const closed = fixture.cases.filter((c) => c.closedOn);
    const open = fixture.cases.filter((c) => !c.closedOn);
    const [lead, other] = [
      fixture.adviserIds[closed[0].adviser],
      fixture.adviserIds[(closed[0].adviser + 1) % fixture.adviserIds.length],
    ];
    await entry(closed[0].id, lead, closed[0].openedOn, 45); // moves its band
    await entry(closed[1].id, other, closed[1].openedOn, 200);
    await entry(closed[2].id, lead, '2019-01-02', 15); // the earliest relationship session now
    await entry(closed[3].id, lead, closed[3].openedOn, 30, 'casework');
    await entry(open[0].id, lead, open[0].openedOn, 60);
    await entry(open[1].id, other, '2019-01-02', 5);
    // A case with no session yet gets its first.
    const [bare] = await q(
      `SELECT c.id FROM cases c WHERE c.organisation_id = $1 AND c.closed_on IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM time_entries t WHERE t.organisation_id = c.organisation_id AND t.case_id = c.id) LIMIT 1`,
      [org()],
    );
    if (bare) await entry(bare.id, lead, '2024-05-05', 25);
    await expectCurrent();
  });

  it('stays current through many rows in one statement, corrections, removals and a changed lead adviser', async () => {
    const closed = fixture.cases.filter((c) => c.closedOn);
    await q(
      `INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode)
       SELECT c.organisation_id, c.id, c.lead_adviser_id, c.opened_on, 20 + (row_number() OVER ())::int % 50,
              'relationship', 'advice_session', 'phone'
         FROM cases c, generate_series(1, 3) WHERE c.organisation_id = $1`,
      [org()],
    );
    await q(`UPDATE time_entries SET minutes = minutes + 90 WHERE case_id = $1 AND class = 'relationship'`, [
      closed[4].id,
    ]);
    await q(`UPDATE time_entries SET note = 'a note moves nothing' WHERE case_id = $1`, [closed[5].id]);
    await q(`UPDATE time_entries SET class = 'casework', mode = 'none' WHERE case_id = $1`, [closed[6].id]);
    await q(`DELETE FROM time_entries WHERE case_id = $1`, [closed[7].id]);
    await q(`UPDATE cases SET lead_adviser_id = $2 WHERE id = $1`, [
      closed[8].id,
      fixture.adviserIds[(closed[8].adviser + 1) % fixture.adviserIds.length],
    ]);
    await q(`UPDATE outcomes SET result = 'negative' WHERE case_id = $1`, [closed[9].id]);
    await q(`DELETE FROM outcome_benefits WHERE organisation_id = $1 AND case_id = $2`, [org(), closed[10].id]);
    await q(`UPDATE cases SET closed_on = NULL WHERE id = $1`, [closed[11].id]);
    await q(`DELETE FROM cases WHERE id = $1`, [closed[12].id]);
    await expectCurrent();
  });

  it('adds sessions on cases with underlying problems: after each surfaced, on the day one did, and before', async () => {
    const withProblems: Array<{ case_id: string; lead_adviser_id: string; uncovered_on: string }> = await q(
      `SELECT c.id AS case_id, c.lead_adviser_id, max(up.uncovered_on)::text AS uncovered_on
         FROM cases c JOIN underlying_problems up ON up.organisation_id = c.organisation_id AND up.case_id = c.id
        WHERE c.organisation_id = $1 GROUP BY c.id, c.lead_adviser_id ORDER BY c.id LIMIT 6`,
      [org()],
    );
    expect(withProblems.length).toBeGreaterThanOrEqual(3);
    const [late, onTheDay, early] = withProblems;
    const before = async (caseId: string) =>
      (await q(`SELECT problems_relationship_minutes AS m FROM case_facts WHERE case_id = $1`, [caseId]))[0].m;
    const earlyBefore = await before(early.case_id);
    await entry(late.case_id, late.lead_adviser_id, '2026-11-30', 40); // after every problem surfaced
    await entry(onTheDay.case_id, onTheDay.lead_adviser_id, onTheDay.uncovered_on, 25); // counts in its time before
    await entry(early.case_id, early.lead_adviser_id, '2019-01-02', 15); // before every problem surfaced
    await entry(late.case_id, late.lead_adviser_id, '2026-11-30', 20, 'casework');
    expect(await before(early.case_id)).toBeGreaterThan(earlyBefore);
    await expectCurrent();
  });

  it('moves facts by the difference when a session is corrected or removed, and recomputes where that is not enough', async () => {
    type Entry = { id: string; case_id: string; on: string; adviser_id: string; lead_adviser_id: string };
    const laterSessions = (problems: boolean): Promise<Entry[]> =>
      q(
        `SELECT DISTINCT ON (te.case_id) te.id, te.case_id, te."on"::text AS on, te.adviser_id, c.lead_adviser_id
           FROM time_entries te JOIN cases c ON c.organisation_id = te.organisation_id AND c.id = te.case_id
           JOIN case_facts f ON f.organisation_id = te.organisation_id AND f.case_id = te.case_id
          WHERE te.organisation_id = $1 AND te.class = 'relationship' AND te."on" > f.first_relationship_on
            AND (f.problems_count > 0) = $2
            AND NOT EXISTS (SELECT 1 FROM underlying_problems up
                             WHERE up.organisation_id = te.organisation_id AND up.case_id = te.case_id AND up.uncovered_on >= te."on")
          ORDER BY te.case_id, te."on" DESC, te.id`,
        [org(), problems],
      );
    const [plain, plain2, plain3] = await laterSessions(false);
    const [withProblems] = await laterSessions(true);
    expect([plain, plain2, plain3, withProblems].every(Boolean)).toBe(true);
    const marker = (caseIds: string[], by: number) =>
      q(`UPDATE case_facts SET feedback_items_n = feedback_items_n + $2 WHERE case_id = ANY($1::uuid[])`, [
        caseIds,
        by,
      ]);
    const markers = async (caseIds: string[]) =>
      (
        await q(`SELECT feedback_items_n AS n FROM case_facts WHERE case_id = ANY($1::uuid[]) ORDER BY case_id`, [
          caseIds,
        ])
      ).map((r: { n: number }) => r.n);
    // A column no time entry moves carries a marker: a whole recomputation would wipe it, a difference keeps it.
    const delta = [plain.case_id, plain2.case_id, plain3.case_id, withProblems.case_id];
    await marker(delta, 1000);
    const marked = await markers(delta);
    await q(`UPDATE time_entries SET minutes = minutes + 17 WHERE id = $1`, [plain.id]);
    await q(`UPDATE time_entries SET class = 'casework', mode = 'none' WHERE id = $1`, [plain2.id]);
    const other = fixture.adviserIds.find((id) => id !== plain3.lead_adviser_id)!;
    await q(`UPDATE time_entries SET adviser_id = $2 WHERE id = $1`, [plain3.id, other]);
    await q(`UPDATE time_entries SET adviser_id = $2, minutes = minutes + 5 WHERE id = $1`, [
      plain3.id,
      plain3.lead_adviser_id,
    ]);
    await q(`UPDATE time_entries SET minutes = minutes + 9 WHERE id = $1`, [withProblems.id]); // after every problem surfaced
    await q(`DELETE FROM time_entries WHERE id = $1`, [plain.id]);
    expect(await markers(delta)).toEqual(marked);
    await marker(delta, -1000);
    await expectCurrent();

    // Where the difference is not enough, the case is recomputed (the marker goes).
    const firsts: Array<{ id: string; case_id: string }> = await q(
      `SELECT DISTINCT ON (te.case_id) te.id, te.case_id FROM time_entries te
         JOIN case_facts f ON f.organisation_id = te.organisation_id AND f.case_id = te.case_id
        WHERE te.organisation_id = $1 AND te.class = 'relationship' AND te."on" = f.first_relationship_on
        ORDER BY te.case_id, te.id LIMIT 3`,
      [org()],
    );
    const [early]: Array<{ id: string; case_id: string }> = await q(
      `SELECT te.id, te.case_id FROM time_entries te
        WHERE te.organisation_id = $1 AND te.class = 'relationship'
          AND EXISTS (SELECT 1 FROM underlying_problems up
                       WHERE up.organisation_id = te.organisation_id AND up.case_id = te.case_id AND up.uncovered_on >= te."on")
          AND te.case_id <> ALL($2::uuid[])
        ORDER BY te.id LIMIT 1`,
      [org(), firsts.map((x) => x.case_id)],
    );
    expect(firsts.length).toBe(3);
    expect(early).toBeDefined();
    const whole = [...firsts.map((x) => x.case_id), early.case_id];
    await marker(whole, 1000);
    await q(`DELETE FROM time_entries WHERE id = $1`, [firsts[0].id]); // the first session removed
    await q(`UPDATE time_entries SET "on" = "on" + 40 WHERE id = $1`, [firsts[1].id]); // moved later
    await q(`UPDATE time_entries SET case_id = $2 WHERE id = $1`, [firsts[2].id, plain.case_id]); // to another case
    await q(`UPDATE time_entries SET minutes = minutes + 11 WHERE id = $1`, [early.id]); // counts before a problem surfaced
    expect((await markers(whole)).every((n: number) => n < 1000)).toBe(true);
    await expectCurrent();
  });

  it('counts every one of many sessions recorded on one case at the same time', async () => {
    const target = fixture.cases.find((c) => c.closedOn)!;
    const lead = fixture.adviserIds[target.adviser];
    await Promise.all(Array.from({ length: 20 }, (_, i) => entry(target.id, lead, target.openedOn, 10 + i)));
    await expectCurrent();
  });

  it('stands aside while facts are deferred, leaving the refresh to the writer', async () => {
    const open = fixture.cases.filter((c) => !c.closedOn);
    const before = await q(`SELECT total_minutes FROM case_facts WHERE case_id = $1`, [open[2].id]);
    const runner = h.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL deepvalue.defer_facts = 'on'`);
      await runner.query(
        `INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode)
         VALUES ($1, $2, $3, $4, 33, 'relationship', 'advice_session', 'phone')`,
        [org(), open[2].id, fixture.adviserIds[open[2].adviser], open[2].openedOn],
      );
      expect(await runner.query(`SELECT total_minutes FROM case_facts WHERE case_id = $1`, [open[2].id])).toEqual(
        before,
      );
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    await q(`SELECT refresh_case_facts(ARRAY[$1]::uuid[])`, [open[2].id]);
    await expectCurrent();
  });
});
