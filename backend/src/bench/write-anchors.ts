/**
 * The database alone, measured in the same run as the API (the anchors of docs/benchmarks.md, the write path): the time-entry rows
 * of the record-a-session step as one-row INSERTs into a copy of `time_entries` with the same
 * columns, indexes, checks and foreign keys but none of the product's triggers; and as the
 * three-statement transaction a hand-written write would need (read the case, insert the entry, add
 * the minutes to a per-case total). Both on 50 pooled connections, like the plain INSERT with
 * triggers, so trigger cost and API throughput are ratios of one run. The copies are dropped after.
 */
import pg from 'pg';

const ENTRY = `(organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode)
  VALUES ($1, $2, $3, current_date, 30, 'relationship', 'advice_session', 'phone')`;

export interface AnchorTarget {
  organisationId: string;
  adviserId: string;
  caseIds: string[];
}

async function createCopies(client: pg.ClientBase, target: AnchorTarget): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS bench_anchor_entries, bench_anchor_totals`);
  await client.query(
    `CREATE TABLE bench_anchor_entries (LIKE time_entries INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`,
  );
  const { rows } = await client.query<{ def: string }>(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'time_entries'::regclass AND contype = 'f'`,
  );
  for (const { def } of rows) await client.query(`ALTER TABLE bench_anchor_entries ADD ${def}`);
  await client.query(`CREATE TABLE bench_anchor_totals (case_id uuid PRIMARY KEY, minutes integer NOT NULL DEFAULT 0)`);
  await client.query(`INSERT INTO bench_anchor_totals (case_id) SELECT unnest($1::uuid[])`, [target.caseIds]);
  await client.query(`ANALYZE bench_anchor_entries, bench_anchor_totals`);
}

/** `amount` units of work on `connections` workers; units per second. */
async function rate(
  pool: pg.Pool,
  connections: number,
  amount: number,
  unit: (client: pg.PoolClient, i: number) => Promise<unknown>,
) {
  let next = 0;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (next < amount) await unit(client, next++);
    } finally {
      client.release();
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: connections }, worker));
  return amount / ((Date.now() - started) / 1000);
}

export interface Anchors {
  /** One-row INSERTs into the trigger-less copy, rows per second. */
  insertWithoutTriggers(amount: number): Promise<number>;
  /** Read the case, insert the entry, update the case's total, in one transaction; per second. */
  threeStatement(amount: number): Promise<number>;
  /** Drops the copies. */
  close(): Promise<void>;
}

/**
 * Runs as the owner (it creates and drops the copies). Rounds are taken by the caller, between the
 * API's rounds, so the ratios compare work done under the same load on this shared machine.
 */
export async function openAnchors(ownerUrl: string, target: AnchorTarget, connections: number): Promise<Anchors> {
  const pool = new pg.Pool({ connectionString: ownerUrl, max: connections });
  const setup = await pool.connect();
  const caseOf = (i: number) => target.caseIds[i % target.caseIds.length];
  const insert = (c: pg.PoolClient, i: number) =>
    c.query(`INSERT INTO bench_anchor_entries ${ENTRY}`, [target.organisationId, caseOf(i), target.adviserId]);
  const threeStatement = async (c: pg.PoolClient, i: number) => {
    await c.query('BEGIN');
    try {
      await c.query(`SELECT closed_on FROM cases WHERE organisation_id = $1 AND id = $2`, [
        target.organisationId,
        caseOf(i),
      ]);
      await insert(c, i);
      await c.query(`UPDATE bench_anchor_totals SET minutes = minutes + 30 WHERE case_id = $1`, [caseOf(i)]);
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK');
      throw error;
    }
  };
  const close = async () => {
    await setup.query(`DROP TABLE IF EXISTS bench_anchor_entries, bench_anchor_totals`).catch(() => undefined);
    setup.release();
    await pool.end();
  };
  try {
    await createCopies(setup, target);
    await rate(pool, connections, connections * 2, insert); // warm-up
  } catch (error) {
    await close();
    throw error;
  }
  return {
    insertWithoutTriggers: (amount) => rate(pool, connections, amount, insert),
    threeStatement: (amount) => rate(pool, connections, amount, threeStatement),
    close,
  };
}
