import { ImportService } from '../interchange/import.service.js';
import { UsageError, type CliCommand } from './command.js';
import { progressBar } from './progress.js';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import a deepvalue.import.v1 file (JSON or NDJSON), all or nothing',
  usage: 'import FILE [--org REF]',
  options: { org: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('Give exactly one FILE to import');
    const app = await ctx.app();
    const bar = progressBar(ctx.log);
    const result = await app
      .get(ImportService)
      .importFile(file, { organisationRef: values.org as string | undefined, createOrganisation: true }, (p) =>
        bar(p.phase === 'validating' ? 'checking' : 'writing', p.bytesRead / Math.max(p.bytesTotal, 1), p.cases),
      );
    bar.done();
    if (!result.ok) {
      for (const error of result.errors) ctx.log(`${error.path}: ${error.message}`);
      const hidden = result.errorCount - result.errors.length;
      ctx.log(
        `Nothing was imported: ${result.errorCount} error(s)${hidden > 0 ? ` (${hidden} more not listed)` : ''}.`,
      );
      return 1;
    }
    const { cases, timeEntries, replacedCases } = result.counts;
    ctx.log(
      `Imported ${cases} case(s) with ${timeEntries} time entries${replacedCases ? ` (${replacedCases} already present were replaced)` : ''}.`,
    );
    return 0;
  },
};
