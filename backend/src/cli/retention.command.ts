import { RetentionService } from '../privacy/retention.service.js';
import type { CliCommand } from './command.js';

/** `retention apply`: anonymises clients past their organisation's retention period. */
export const retentionApply: CliCommand = {
  name: 'retention apply',
  summary: "Anonymise clients whose cases all closed longer ago than the organisation's retention period",
  usage: 'retention apply [--org REF] [--dry-run] [--json]',
  options: { org: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ values }, ctx) {
    const app = await ctx.app();
    const dryRun = Boolean(values['dry-run']);
    const results = await app
      .get(RetentionService)
      .apply({ organisationRef: values.org === undefined ? undefined : String(values.org), dryRun });
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      return 0;
    }
    for (const result of results) {
      const verb = dryRun ? 'would anonymise' : 'anonymised';
      ctx.stdout.write(
        `${result.organisationRef}: retention ${result.retentionYears} years; ${verb} ${result.clients.length} client(s)\n`,
      );
      for (const client of result.clients)
        ctx.stdout.write(`  ${client.id}  last case closed ${client.lastClosedOn ?? '(no cases)'}\n`);
    }
    if (dryRun) ctx.stdout.write('Dry run: nothing was changed.\n');
    return 0;
  },
};
