import { DataSource } from 'typeorm';
import { AuditChainService, NO_ORGANISATION } from '../audit/audit-chain.service.js';
import type { CliCommand } from './command.js';

/** `audit verify`: recomputes the audit log's hash chains; exit code 1 names the first broken row. */
export const auditVerify: CliCommand = {
  name: 'audit verify',
  summary: "Recompute the audit log's hash chain of each organisation (or one) and name the first broken row",
  usage: 'audit verify [--org REF]',
  options: { org: { type: 'string' } },
  async run({ values }, ctx) {
    const app = await ctx.app();
    const chains = app.get(AuditChainService);
    const organisations: Array<{ id: string; ref: string }> = await app
      .get(DataSource)
      .query(`SELECT id::text AS id, ref FROM organisations`);
    const refs = new Map(organisations.map((o) => [o.id, o.ref]));
    let ids: string[];
    if (values.org !== undefined) {
      const found = organisations.find((o) => o.ref === String(values.org));
      if (!found) {
        ctx.log(`Error: there is no organisation with reference "${String(values.org)}".`);
        return 1;
      }
      ids = [found.id];
    } else {
      ids = await chains.chains();
    }
    let broken = 0;
    for (const id of ids) {
      const name = id === NO_ORGANISATION ? '(no organisation)' : (refs.get(id) ?? `organisation ${id} (deleted)`);
      const result = await chains.verify(id);
      if (!result.broken) {
        ctx.stdout.write(
          `${name}: ${result.rows} row(s), chain intact${result.lastHash ? `, last hash ${result.lastHash}` : ''}\n`,
        );
        continue;
      }
      broken += 1;
      const where = result.broken.id
        ? `row ${result.broken.id} (position ${result.broken.position})`
        : `position ${result.broken.position}`;
      ctx.stdout.write(`${name}: BROKEN at ${where}: ${result.broken.problem}\n`);
    }
    if (broken) ctx.log(`${broken} chain(s) broken.`);
    return broken ? 1 : 0;
  },
};
