/**
 * An audit row written inside a transaction reaches the log, linked into its organisation's chain,
 * as the transaction commits (migration 1764300000200): it is gone if the transaction rolls back,
 * and until the commit it holds no lock on the chain, so another write of the same organisation
 * commits its own row meanwhile and the chain stays whole.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness } from '../../test/harness.js';
import { AuditChainService } from './audit-chain.service.js';
import { AuditService } from './audit.service.js';

describe('audit rows linked at commit', () => {
  let h: Harness;
  let audit: AuditService;
  let orgId: string;

  beforeAll(async () => {
    h = await createHarness();
    audit = h.app.get(AuditService);
    orgId = (await h.makeOrganisation()).id;
  });
  afterAll(() => h.close());

  const logged = async (entity: string) =>
    (
      await h.dataSource.query(`SELECT chain_seq FROM audit_log WHERE organisation_id = $1 AND entity = $2`, [
        orgId,
        entity,
      ])
    ).length as number;
  const entry = (entity: string) => ({ organisationId: orgId, userId: null, action: 'update' as const, entity });

  it('commits the row with the transaction, or not at all', async () => {
    const runner = h.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await audit.record(entry('rolled-back'), runner.manager);
      await runner.rollbackTransaction();
      await runner.startTransaction();
      await audit.record(entry('committed'), runner.manager);
      expect(await logged('committed')).toBe(0);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await logged('rolled-back')).toBe(0);
    expect(await logged('committed')).toBe(1);
    expect(await h.dataSource.query(`SELECT count(*)::int AS n FROM audit_pending`)).toEqual([{ n: 0 }]);
  });

  it('holds no chain lock before the commit: another write of the organisation goes first', async () => {
    const runner = h.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await audit.record(entry('first-written'), runner.manager);
      // Would wait for the open transaction (and the test time out) if it held the chain head's lock.
      await audit.record(entry('first-committed'));
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const rows = await h.dataSource.query(
      `SELECT entity FROM audit_log WHERE organisation_id = $1 AND entity LIKE 'first-%' ORDER BY chain_seq`,
      [orgId],
    );
    expect(rows.map((r: { entity: string }) => r.entity)).toEqual(['first-committed', 'first-written']);
    const report = await h.app.get(AuditChainService).verify(orgId);
    expect(report.broken).toBeUndefined();
    expect(report.rows).toBe(3);
  });
});
