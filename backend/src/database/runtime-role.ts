/**
 * Least privilege: migrations run as the schema's owner; the app connects as a role
 * that owns nothing, is not a superuser, and may read and write casework but only add to the audit
 * log — never UPDATE, DELETE or TRUNCATE it — and only read the audit chain's heads (the linking
 * trigger runs as the owner). The grants are applied after every migration run, so a new table is
 * covered without a migration having to remember it.
 */
import pg from 'pg';

/** The embedded database's app role (and the tests'). */
export const RUNTIME_ROLE = 'deepvalue_app';

/** Creates the login role, or resets its password and attributes (needs CREATEROLE or superuser). */
export async function ensureRuntimeRole(ownerUrl: string, role: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const name = client.escapeIdentifier(role);
    // Two starts at once (parallel test files) may both try to create it.
    await client.query(`
      DO $$ BEGIN CREATE ROLE ${name};
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await client.query(
      `ALTER ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
    );
  } finally {
    await client.end();
  }
}

export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

export interface GrantResult {
  /** False when the owner could not let the role switch triggers off (imports then run with them on). */
  replicationRole: boolean;
}

/** What the app's role may do on the owner's database; run as the owner after migrations. */
export async function grantRuntimePrivileges(ownerUrl: string, role: string): Promise<GrantResult> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const name = client.escapeIdentifier(role);
    const [{ database, schema, version }] = (
      await client.query<{ database: string; schema: string; version: number }>(
        `SELECT current_database() AS database, current_schema() AS schema,
                current_setting('server_version_num')::int AS version`,
      )
    ).rows;
    const db = client.escapeIdentifier(database);
    const sc = client.escapeIdentifier(schema);
    await client.query(`BEGIN`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${name}`);
    await client.query(`GRANT USAGE ON SCHEMA ${sc} TO ${name}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${sc} TO ${name}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${sc} TO ${name}`);
    // Read-only, so the app can start with only its own role once an owner has migrated the schema.
    await client.query(`REVOKE ALL ON TABLE migrations FROM ${name}`);
    await client.query(`GRANT SELECT ON TABLE migrations TO ${name}`);
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON TABLE audit_log FROM ${name}`);
    await client.query(`REVOKE ALL ON TABLE audit_chain_heads FROM ${name}`);
    await client.query(`GRANT SELECT ON TABLE audit_chain_heads TO ${name}`);
    await client.query(`COMMIT`);
    // Imports switch per-row foreign-key triggers off where allowed (interchange/import-writer.ts).
    // The audit log does not rest on triggers for this role: it has no UPDATE or DELETE on it at all.
    let replicationRole = false;
    if (version >= 150000) {
      try {
        await client.query(`GRANT SET ON PARAMETER session_replication_role TO ${name}`);
        replicationRole = true;
        // On a Citus cluster the import's SET LOCAL goes on to the workers (migration 1764740000100).
        if ((await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`)).rowCount) {
          const { rows } = await client.query<{ success: boolean }>(`SELECT success FROM run_command_on_workers($1)`, [
            `GRANT SET ON PARAMETER session_replication_role TO ${name}`,
          ]);
          if (rows.some((row) => !row.success)) {
            await client.query(`REVOKE SET ON PARAMETER session_replication_role FROM ${name}`);
            replicationRole = false;
          }
        }
      } catch {
        // Only a superuser (or a holder of the grant option) may grant it.
      }
    }
    return { replicationRole };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** What to warn about when the app connects as a role that could rewrite the audit log. */
export async function privilegeWarning(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [row] = (
      await client.query<{ superuser: boolean; rewrite: boolean }>(
        `SELECT rolsuper AS superuser,
                has_table_privilege('audit_log', 'UPDATE') OR has_table_privilege('audit_log', 'DELETE')
                  OR pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'USAGE') AS rewrite
         FROM pg_roles WHERE rolname = current_user`,
      )
    ).rows;
    if (row?.superuser) return `the app connects to PostgreSQL as a superuser (${roleOf(url)})`;
    if (row?.rewrite) return `the app's database role (${roleOf(url)}) owns or may rewrite the audit log`;
    return undefined;
  } finally {
    await client.end();
  }
}
