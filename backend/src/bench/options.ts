/** `npm run bench -- [--cases N] [--organisations K] [--quick] [--runs R] [--only a,b] [--skip a,b] [--keep]`. */
import { parseArgs } from 'node:util';

export const STEPS = [
  'import',
  'reports',
  'model',
  'evidence',
  'api',
  'dashboard',
  'start',
  'bundle',
  'sheet',
  'search',
] as const;
export type Step = (typeof STEPS)[number];

export interface BenchOptions {
  cases: number;
  /** The cases split evenly over this many organisations (default 1); reports measure the first. */
  organisations: number;
  quick: boolean;
  /** Measured runs per report query (after warm-up). */
  runs: number;
  /** Runs of the straightforward raw-table query (slow at full size). */
  naiveRuns: number;
  steps: Set<Step>;
  /** Keep the generated file and database directory. */
  keep: boolean;
  /** Requests per autocannon round (and rows per INSERT round). */
  loadRequests: number;
}

export const USAGE =
  'npm run bench -- [--cases N (default 100000)] [--organisations K (default 1)] [--quick] [--runs R] [--only import,reports,model,evidence,api,dashboard,start,bundle,sheet,search] [--skip …] [--keep]';

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: 'string' },
      organisations: { type: 'string' },
      quick: { type: 'boolean' },
      runs: { type: 'string' },
      only: { type: 'string' },
      skip: { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const quick = Boolean(values.quick);
  const cases = Number(values.cases ?? (quick ? 2000 : 100_000));
  if (!Number.isInteger(cases) || cases < 100 || cases > 10_000_000)
    throw new Error('--cases must be a whole number from 100 to 10,000,000');
  const organisations = Number(values.organisations ?? 1);
  if (!Number.isInteger(organisations) || organisations < 1 || organisations > 100 || cases / organisations < 100)
    throw new Error('--organisations must be a whole number from 1 to 100, with at least 100 cases each');
  const runs = Number(values.runs ?? (quick ? 5 : 30));
  if (!Number.isInteger(runs) || runs < 3) throw new Error('--runs must be a whole number of at least 3');
  const list = (text: string | undefined) => {
    const names = (text ?? '').split(',').filter(Boolean);
    for (const name of names) if (!STEPS.includes(name as Step)) throw new Error(`unknown step "${name}"`);
    return names as Step[];
  };
  const only = list(values.only);
  const skip = new Set(list(values.skip));
  const steps = new Set((only.length ? only : [...STEPS]).filter((s) => !skip.has(s)));
  return {
    cases,
    organisations,
    quick,
    runs,
    naiveRuns: quick ? 3 : cases >= 500_000 ? 3 : 5,
    steps,
    keep: Boolean(values.keep),
    loadRequests: quick ? 200 : 1500,
  };
}
