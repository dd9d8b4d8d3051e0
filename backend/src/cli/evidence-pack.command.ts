import fs from 'node:fs/promises';
import path from 'node:path';
import { CATEGORIES, FUNDING_STREAMS, VULNERABILITIES, ARRIVAL_ROUTES } from '@deepvalue/shared';
import type { ArrivalRoute, Category, FundingStream, Vulnerability } from '@deepvalue/shared';
import { DomainError } from '../common/domain-error.js';
import { EvidencePackService, PRICED_WITH, type PricedWith } from '../evidence/evidence-pack.service.js';
import { renderPack } from '../evidence/writers/render-pack.js';
import { UsageError, type CliCommand } from './command.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/**
 * `evidence-pack`: writes DIR/evidence-pack.xlsx, DIR/evidence-pack.pdf, DIR/csv/*.csv and
 * DIR/manifest.json for one provider (--org) or for every provider sharing with a commissioner
 * (--commissioner). The same inputs give the same files, byte for byte.
 */
export const evidencePack: CliCommand = {
  name: 'evidence-pack',
  summary: 'Write the evidence pack (XLSX, PDF, CSV, manifest) for an organisation or a commissioner',
  usage:
    'evidence-pack (--org REF | --commissioner REF) --from YYYY-MM-DD --to YYYY-MM-DD --out DIR ' +
    '[--category C] [--funding-stream F] [--vulnerability V] [--arrival A] [--unit-cost-version N] ' +
    '[--priced-with commissioner|provider] [--built-on YYYY-MM-DD] ' +
    '[--fee-table-version N | --fee-table-version REF=N …] [--as-of YYYY-MM-DD]',
  options: {
    org: { type: 'string' },
    commissioner: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    category: { type: 'string' },
    'funding-stream': { type: 'string' },
    vulnerability: { type: 'string' },
    arrival: { type: 'string' },
    'unit-cost-version': { type: 'string' },
    'priced-with': { type: 'string' },
    'built-on': { type: 'string' },
    'fee-table-version': { type: 'string', multiple: true },
    'as-of': { type: 'string' },
  },
  async run({ values }, ctx) {
    const org = values.org === undefined ? undefined : String(values.org);
    const commissioner = values.commissioner === undefined ? undefined : String(values.commissioner);
    if ((org === undefined) === (commissioner === undefined))
      throw new UsageError('give exactly one of --org REF and --commissioner REF');
    for (const name of ['from', 'to'] as const) {
      if (!DATE.test(String(values[name] ?? ''))) throw new UsageError(`--${name} must be a date written YYYY-MM-DD`);
    }
    const asOf = values['as-of'] === undefined ? undefined : String(values['as-of']);
    if (asOf !== undefined && !DATE.test(asOf)) throw new UsageError('--as-of must be a date written YYYY-MM-DD');
    const builtOn = values['built-on'] === undefined ? undefined : String(values['built-on']);
    if (builtOn !== undefined && !DATE.test(builtOn))
      throw new UsageError('--built-on must be a date written YYYY-MM-DD');
    if (org !== undefined && values['priced-with'] !== undefined)
      throw new UsageError(
        '--priced-with applies to a commissioner’s pack (--commissioner REF): a provider’s pack is always priced with its own unit costs',
      );
    if (!values.out) throw new UsageError('--out DIR is required');
    const version = values['unit-cost-version'];
    if (version !== undefined && !/^[1-9]\d*$/.test(String(version)))
      throw new UsageError('--unit-cost-version must be a whole number from 1');
    const feeTables = feeTableVersions(values['fee-table-version'] as string[] | undefined, org !== undefined);
    const filters = {
      category: oneOf<Category>('category', values.category, CATEGORIES),
      fundingStream: oneOf<FundingStream>('funding-stream', values['funding-stream'], FUNDING_STREAMS),
      vulnerability: oneOf<Vulnerability>('vulnerability', values.vulnerability, VULNERABILITIES),
      arrival: oneOf<ArrivalRoute>('arrival', values.arrival, ARRIVAL_ROUTES),
    };

    const app = await ctx.app();
    const packs = app.get(EvidencePackService);
    let rendered;
    try {
      const scope = await packs.scopeForRefs({ org, commissioner });
      const pack = await packs.build(scope, {
        from: String(values.from),
        to: String(values.to),
        filters,
        unitCostVersion: version === undefined ? undefined : Number(version),
        pricedWith: oneOf<PricedWith>('priced-with', values['priced-with'], PRICED_WITH),
        ...feeTables,
        asOf,
        builtOn,
      });
      rendered = await renderPack(pack);
    } catch (error) {
      if (error instanceof DomainError) {
        // The service names the web's query fields; say which flag to use here instead.
        const version = error.errors.find((e) => e.path === 'unitCostVersion');
        ctx.log(version ? `Error: --unit-cost-version ${version.message}` : `Error: ${error.message}`);
        return 1;
      }
      throw error;
    }
    const out = path.resolve(String(values.out));
    await fs.mkdir(path.join(out, 'csv'), { recursive: true });
    for (const file of rendered.files) await fs.writeFile(path.join(out, file.path), file.bytes);
    ctx.stdout.write(
      `Wrote ${rendered.files.length} files to ${out} (inputs SHA-256 ${rendered.manifest.inputsSha256})\n`,
    );
    return 0;
  },
};

/**
 * `--fee-table-version N` (a pack of one organisation) or `--fee-table-version REF=N`, once per
 * organisation (a commissioner's pack): the fee tables an old pack used, as its manifest lists them.
 */
function feeTableVersions(
  given: string[] | undefined,
  oneOrganisation: boolean,
): { feeTableVersion?: number; feeTableVersions?: Record<string, number> } {
  if (!given?.length) return {};
  if (oneOrganisation && given.length === 1 && /^\d+$/.test(given[0])) return { feeTableVersion: Number(given[0]) };
  const versions: Record<string, number> = {};
  for (const value of given) {
    const match = /^([^=]+)=(\d+)$/.exec(value);
    if (!match)
      throw new UsageError(
        `--fee-table-version must be a version number${oneOrganisation ? '' : ' per organisation'}, or REF=N (got "${value}")`,
      );
    versions[match[1]] = Number(match[2]);
  }
  return { feeTableVersions: versions };
}
