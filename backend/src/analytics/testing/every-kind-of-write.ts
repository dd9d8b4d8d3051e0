import type { DataSource } from 'typeorm';
import type { Fixture } from './report-fixture.js';

/**
 * The writes a roll-up kept by triggers must follow, each in its own statement, on the generated
 * organisation: the roll-up specs run these, then compare the table with one rebuilt from the facts.
 * Cases 0–6 of the closed ones with sessions, and the first open case, are used; a spec adds its own
 * writes on the others.
 */
export async function applyEveryKindOfWrite(dataSource: DataSource, fixture: Fixture): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => dataSource.query(sql, params);
  const closed = fixture.cases.filter((c) => c.closedOn && c.sessions.length > 0);
  // More relationship time on one case (its band moves), a session removed from another.
  await q(`UPDATE time_entries SET minutes = minutes + 7 WHERE case_id = $1 AND class = 'relationship'`, [
    closed[0].id,
  ]);
  await q(`DELETE FROM time_entries WHERE case_id = $1 AND class = 'relationship'`, [closed[1].id]);
  // Casework time only: relationship figures stay.
  await q(`UPDATE time_entries SET minutes = minutes + 1 WHERE case_id = $1 AND class = 'casework'`, [closed[2].id]);
  // Outcome changed, case reopened, an open case closed, a closing day moved, a case deleted.
  await q(`UPDATE outcomes SET result = 'negative', appeal = 'considered_not_pursued' WHERE case_id = $1`, [
    closed[3].id,
  ]);
  await q(`UPDATE cases SET closed_on = NULL WHERE id = $1`, [closed[4].id]);
  const open = fixture.cases.find((c) => !c.closedOn)!;
  await q(`UPDATE cases SET closed_on = opened_on + 30 WHERE id = $1`, [open.id]);
  await q(`UPDATE cases SET closed_on = closed_on + 40 WHERE id = $1`, [closed[6].id]);
  await q(`DELETE FROM cases WHERE id = $1`, [closed[5].id]);
  // Vulnerability flags changed on every client in one statement (the count and the flag rows move).
  await q(
    `UPDATE clients SET vulnerabilities = CASE WHEN cardinality(vulnerabilities) = 2 THEN '{}'::text[]
                                               WHEN cardinality(vulnerabilities) = 0 THEN '{disability}'::text[]
                                               ELSE vulnerabilities || '{language_need}'::text[] END
      WHERE organisation_id = $1`,
    [fixture.orgId],
  );
}
