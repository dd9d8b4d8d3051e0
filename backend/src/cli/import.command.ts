import fs from 'node:fs';
import { DataSource } from 'typeorm';
import { ImportService } from '../interchange/import.service.js';
import { mappingOrThrow, SheetImportService } from '../interchange/sheets/sheet-import.service.js';
import { sheetFileKind } from '../interchange/sheets/sheet-reader.js';
import { DomainError } from '../common/domain-error.js';
import { UsageError, type CliCommand, type CliContext } from './command.js';
import { progressBar } from './progress.js';

export const importCommand: CliCommand = {
  name: 'import',
  summary:
    'Import a deepvalue.import.v1 file (JSON or NDJSON), or a spreadsheet (CSV or XLSX) with --mapping, all or nothing',
  usage: 'import FILE [--org REF] | import FILE.csv|FILE.xlsx --mapping MAPPING.json [--org REF] [--dry-run]',
  options: { org: { type: 'string' }, mapping: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run({ values, positionals }, ctx) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('Give exactly one FILE to import');
    if (/\.(csv|xlsx)$/i.test(file) || values.mapping) return importSheet(file, values, ctx);
    if (values['dry-run']) throw new UsageError('--dry-run is for spreadsheets (with --mapping)');
    const app = await ctx.app();
    const bar = progressBar(ctx.log);
    const result = await app
      .get(ImportService)
      .importFile(file, { organisationRef: values.org as string | undefined, createOrganisation: true }, (p) =>
        bar(p.phase === 'validating' ? 'checking' : 'writing', p.bytesRead / Math.max(p.bytesTotal, 1), p.cases),
      );
    bar.done();
    if (!result.ok) return refused(result, ctx);
    const { cases, timeEntries, replacedCases } = result.counts;
    ctx.log(
      `Imported ${cases} case(s) with ${timeEntries} time entries${replacedCases ? ` (${replacedCases} already present were replaced)` : ''}.`,
    );
    return 0;
  },
};

function refused(result: { errors: Array<{ path: string; message: string }>; errorCount: number }, ctx: CliContext) {
  for (const error of result.errors) ctx.log(error.path ? `${error.path}: ${error.message}` : error.message);
  const hidden = result.errorCount - result.errors.length;
  ctx.log(`Nothing was imported: ${result.errorCount} error(s)${hidden > 0 ? ` (${hidden} more not listed)` : ''}.`);
  return 1;
}

/** A spreadsheet goes through the same conversion as the web page's, then the ordinary import. */
async function importSheet(file: string, values: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const mappingFile = values.mapping as string | undefined;
  if (!mappingFile) throw new UsageError('A spreadsheet needs --mapping MAPPING.json (which column is which field)');
  const org = values.org as string | undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(mappingFile, 'utf8'));
  } catch (error) {
    throw new UsageError(`${mappingFile} is not a readable JSON mapping (${(error as Error).message})`);
  }
  let mapping;
  try {
    mapping = mappingOrThrow(raw);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const e of error.errors) ctx.log(`${mappingFile}: ${e.path}: ${e.message}`);
    return 1;
  }
  const app = await ctx.app();
  const organisations: Array<{ id: string; ref: string }> = await app
    .get(DataSource)
    .query(
      org ? `SELECT id, ref FROM organisations WHERE ref = $1` : `SELECT id, ref FROM organisations`,
      org ? [org] : [],
    );
  if (organisations.length !== 1)
    throw new UsageError(
      org ? `No organisation has the ref "${org}"` : 'Say which organisation with --org REF (there is not exactly one)',
    );
  const dryRun = Boolean(values['dry-run']);
  const bar = progressBar(ctx.log);
  const result = await app
    .get(SheetImportService)
    .importSheet(
      organisations[0].id,
      file,
      await sheetFileKind(file),
      mapping,
      (p) => bar(p.phase === 'validating' ? 'checking' : 'writing', p.bytesRead / Math.max(p.bytesTotal, 1), p.cases),
      { by: { userId: null }, details: { fileName: file.split('/').pop(), via: 'cli' } },
      dryRun,
    );
  bar.done();
  if (dryRun && result.dryRun) {
    const d = result.dryRun;
    for (const p of d.problems) ctx.log(p.text);
    ctx.log(
      `Dry run: ${d.rows} row(s) → ${d.cases} case(s) (${d.newCases} new, ${d.updatedCases} to update) with ${d.timeEntries} time entries` +
        `${d.timeEntriesRemoved ? `; ${d.timeEntriesRemoved} time entries held now would be replaced` : ''}; ` +
        `${d.problemCount ? `${d.problemCount} problem(s): nothing would be imported` : 'no problems: it can be imported'}.`,
    );
    return d.problemCount ? 1 : 0;
  }
  if (!result.ok) return refused(result, ctx);
  const { cases, timeEntries, replacedCases } = result.counts;
  ctx.log(
    `Imported ${cases} case(s) with ${timeEntries} time entries (${cases - replacedCases} new, ${replacedCases} updated).`,
  );
  return 0;
}
