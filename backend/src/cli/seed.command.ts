import fs from 'node:fs';
import { writeJson, writeNdjson } from '../interchange/generator.js';
import { UsageError, type CliCommand } from './command.js';

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'Write deterministic generated casework (deepvalue.import.v1) — same seed, same file',
  usage: 'seed --cases N --seed S [--out FILE] [--org REF] [--ndjson]',
  database: false,
  options: {
    cases: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    org: { type: 'string' },
    ndjson: { type: 'boolean' },
  },
  async run({ values }, ctx) {
    const cases = Number(values.cases);
    if (!Number.isInteger(cases) || cases < 1 || cases > 10_000_000)
      throw new UsageError('--cases must be a whole number from 1 to 10,000,000');
    const seed = (values.seed as string | undefined) ?? '1';
    const outFile = values.out as string | undefined;
    const ndjson = Boolean(values.ndjson) || Boolean(outFile?.endsWith('.ndjson'));
    const out = outFile ? fs.createWriteStream(outFile) : ctx.stdout;
    const org = values.org as string | undefined;
    const options = {
      cases,
      seed: /^\d+$/.test(seed) ? Number(seed) : seed,
      ...(org ? { organisation: { ref: org, name: org } } : {}),
    };
    if (ndjson) await writeNdjson(options, out);
    else await writeJson(options, out);
    if (outFile)
      await new Promise<void>((resolve, reject) =>
        (out as fs.WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())),
      );
    ctx.log(`Wrote ${cases} generated case(s)${outFile ? ` to ${outFile}` : ''}.`);
    return 0;
  },
};
