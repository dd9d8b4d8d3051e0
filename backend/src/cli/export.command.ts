import fs from 'node:fs';
import { DataSource } from 'typeorm';
import { ExportService } from '../interchange/export.service.js';
import { SHEET_TABLES, type SheetTable } from '../interchange/sheets/sheet-export.js';
import { UsageError, type CliCommand } from './command.js';

export const exportCommand: CliCommand = {
  name: 'export',
  summary:
    "Export an organisation's casework as deepvalue.import.v1 (JSON; NDJSON when FILE ends .ndjson), or for a spreadsheet: FILE.xlsx (cases, time entries, notes, key dates, parties), FILE.csv (the cases, or the --table given)",
  usage:
    'export --org REF [--out FILE|FILE.ndjson|FILE.csv|FILE.xlsx] [--ndjson] [--table cases|time-entries|notes|key-dates|parties]',
  options: {
    org: { type: 'string' },
    out: { type: 'string' },
    ndjson: { type: 'boolean' },
    table: { type: 'string' },
  },
  async run({ values }, ctx) {
    const ref = values.org as string | undefined;
    if (!ref) throw new UsageError('--org REF is required');
    const app = await ctx.app();
    const [org] = await app.get(DataSource).query(`SELECT id FROM organisations WHERE ref = $1`, [ref]);
    if (!org) throw new UsageError(`No organisation has the ref "${ref}"`);
    const outFile = values.out as string | undefined;
    const table = (values.table as string | undefined) ?? 'cases';
    if (!(SHEET_TABLES as readonly string[]).includes(table))
      throw new UsageError(`--table must be one of ${SHEET_TABLES.join(', ')}`);
    if (values.table !== undefined && !outFile?.endsWith('.csv'))
      throw new UsageError('--table is for a CSV file (--out FILE.csv); a workbook holds every table');
    const ndjson = Boolean(values.ndjson) || Boolean(outFile?.endsWith('.ndjson'));
    const out = outFile ? fs.createWriteStream(outFile) : ctx.stdout;
    const service = app.get(ExportService);
    const count = outFile?.endsWith('.xlsx')
      ? await service.writeXlsx(org.id, out)
      : outFile?.endsWith('.csv')
        ? await service.writeCsv(org.id, table as SheetTable, out)
        : ndjson
          ? await service.writeNdjson(org.id, out)
          : await service.writeJson(org.id, out);
    if (outFile) {
      const file = out as fs.WriteStream;
      // The workbook writer ends the stream itself when it commits.
      await new Promise<void>((resolve, reject) => {
        if (file.writableFinished) resolve();
        else if (file.writableEnded) file.once('finish', resolve).once('error', reject);
        else file.end((e?: Error | null) => (e ? reject(e) : resolve()));
      });
    }
    ctx.log(`Exported ${count} case(s)${outFile ? ` to ${outFile}` : ''}.`);
    return 0;
  },
};
