import fs from 'node:fs';
import { DataSource } from 'typeorm';
import { ContractReportService } from '../legal-aid/contract-report.service.js';
import { UsageError, type CliCommand } from './command.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * `contract-report --org REF --month YYYY-MM --out FILE`: the month's LAA contract report as CSV, the
 * same file as the web app's download. Problems are printed one a line; the exit code is 0 when
 * there are none and 3 when the file was written without the cases they name.
 */
export const contractReport: CliCommand = {
  name: 'contract-report',
  summary: "Write a month's legal aid contract report (the LAA bulk-load CSV) and list what to fix",
  usage: 'contract-report --org REF --month YYYY-MM --out FILE',
  options: { org: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' } },
  async run({ values }, ctx) {
    const ref = values.org as string | undefined;
    const month = values.month as string | undefined;
    const out = values.out as string | undefined;
    if (!ref) throw new UsageError('--org REF is required');
    if (!month || !MONTH.test(month)) throw new UsageError('--month must be a month written YYYY-MM, e.g. 2026-03');
    if (!out) throw new UsageError('--out FILE is required');
    const app = await ctx.app();
    const [org] = await app.get(DataSource).query(`SELECT id FROM organisations WHERE ref = $1`, [ref]);
    if (!org) throw new UsageError(`No organisation has the ref "${ref}"`);
    const report = await app.get(ContractReportService).build(org.id, month, { userId: null }, 'export');
    fs.writeFileSync(out, report.csv);
    ctx.log(
      `Wrote ${out}: ${report.submissionPeriod}, ${report.completedMatters} completed matter(s), ${report.matterStarts} matter start(s).`,
    );
    for (const p of report.problems) ctx.log(`Problem: ${p.message}`);
    if (report.problems.length)
      ctx.log(`${report.problems.length} problem(s); ${report.leftOut} case(s) left out of the file until fixed.`);
    return report.problems.length ? 3 : 0;
  },
};
