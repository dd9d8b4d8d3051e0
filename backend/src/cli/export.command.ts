import fs from 'node:fs';
import { DataSource } from 'typeorm';
import { ExportService } from '../interchange/export.service.js';
import { UsageError, type CliCommand } from './command.js';

export const exportCommand: CliCommand = {
  name: 'export',
  summary:
    "Export an organisation's casework as deepvalue.import.v1 (JSON; NDJSON when FILE ends .ndjson), or for a spreadsheet: FILE.xlsx (cases and time entries), FILE.csv (cases)",
  usage: 'export --org REF [--out FILE|FILE.ndjson|FILE.csv|FILE.xlsx] [--ndjson]',
  options: { org: { type: 'string' }, out: { type: 'string' }, ndjson: { type: 'boolean' } },
  async run({ values }, ctx) {
    const ref = values.org as string | undefined;
    if (!ref) throw new UsageError('--org REF is required');
    const app = await ctx.app();
    const [org] = await app.get(DataSource).query(`SELECT id FROM organisations WHERE ref = $1`, [ref]);
    if (!org) throw new UsageError(`No organisation has the ref "${ref}"`);
    const outFile = values.out as string | undefined;
    const ndjson = Boolean(values.ndjson) || Boolean(outFile?.endsWith('.ndjson'));
    const out = outFile ? fs.createWriteStream(outFile) : ctx.stdout;
    const service = app.get(ExportService);
    const count = outFile?.endsWith('.xlsx')
      ? await service.writeXlsx(org.id, out)
      : outFile?.endsWith('.csv')
        ? await service.writeCsv(org.id, 'cases', out)
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
