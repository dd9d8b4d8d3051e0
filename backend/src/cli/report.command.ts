/**
 * `report time-vs-outcome|measures|fixed-fee|trends|breakdown|chain --org REF [filters] [--json]`: the
 * reports of the API for one organisation. With --json, stdout carries only the JSON document, in
 * the API's shape; without, a readable table. Options are checked by the API's own request classes,
 * so the CLI and the API accept and refuse the same values.
 */
import { BANDS, labelOf, type TimeVsOutcomeReport } from '@deepvalue/shared';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { BreakdownQueryDto, TrendsQueryDto } from '../analytics/dto/rate-report-query.dto.js';
import { ReportFiltersDto, TimeVsOutcomeQueryDto } from '../analytics/dto/report-query.dto.js';
import { FixedFeeService } from '../analytics/fixed-fee.service.js';
import { MeasuresService } from '../analytics/measures.service.js';
import { RateReportsService } from '../analytics/rate-reports.service.js';
import { RelationshipChainService } from '../analytics/relationship-chain.service.js';
import type { ReportFilters } from '../analytics/report-filters.js';
import type {
  BreakdownReport,
  ChainLink,
  Estimate,
  RelationshipChainReport,
  FixedFeeReport,
  MeasureFigure,
  MeasuresSummary,
  RateFigure,
  TrendsReport,
} from '@deepvalue/shared';
import { TimeVsOutcomeService } from '../analytics/time-vs-outcome.service.js';
import { flattenValidationErrors } from '../common/validation.js';
import { UsageError, type CliCommand, type CliContext } from './command.js';

/** Command-line option → request field. */
const FILTER_OPTIONS = {
  category: 'category',
  office: 'office',
  adviser: 'adviser',
  'funding-stream': 'fundingStream',
  vulnerability: 'vulnerability',
  arrival: 'arrival',
  from: 'from',
  to: 'to',
} as const;
const FILTER_USAGE =
  '--org REF [--category C] [--office ID] [--adviser ID] [--funding-stream F] [--vulnerability V] [--arrival A] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]';

type Values = Record<string, string | boolean | string[] | undefined>;
type Option = CliCommand['options'][string];

const stringOption: Option = { type: 'string' };
const baseOptions: Record<string, Option> = {
  org: stringOption,
  json: { type: 'boolean' },
  ...Object.fromEntries(Object.keys(FILTER_OPTIONS).map((name) => [name, stringOption])),
};

/** Validates the options with the API's request class; a bad value names its option. */
async function parseQuery<T extends object>(
  dto: ClassConstructor<T>,
  values: Values,
  extra: Record<string, string> = {},
): Promise<T> {
  const optionOf: Record<string, string> = {};
  const plain: Record<string, unknown> = {};
  for (const [option, field] of [...Object.entries(FILTER_OPTIONS), ...Object.entries(extra)]) {
    optionOf[field] = option;
    if (values[option] !== undefined) plain[field] = values[option];
  }
  const query = plainToInstance(dto, plain);
  const errors = flattenValidationErrors(await validate(query, { whitelist: true, forbidNonWhitelisted: true }));
  if (errors.length) {
    throw new UsageError(errors.map((e) => `--${optionOf[e.path] ?? e.path}: ${e.message}`).join('\n'));
  }
  return query;
}

async function organisationId(values: Values, ctx: CliContext): Promise<string> {
  const ref = values.org;
  if (typeof ref !== 'string' || !ref) throw new UsageError('--org: give the organisation’s ref');
  const dataSource = (await ctx.app()).get(DataSource);
  const [row]: Array<{ id: string }> = await dataSource.query(`SELECT id FROM organisations WHERE ref = $1`, [ref]);
  if (!row) throw new UsageError(`--org: no organisation with ref "${ref}"`);
  return row.id;
}

function filtersOf(query: ReportFilters): ReportFilters {
  const { from, to, category, office, adviser, fundingStream, vulnerability, arrival } = query;
  return Object.fromEntries(
    Object.entries({ from, to, category, office, adviser, fundingStream, vulnerability, arrival }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

function print(ctx: CliContext, values: Values, report: object, table: () => string[]): number {
  ctx.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${table().join('\n')}\n`);
  return 0;
}

// ---- Readable output ----

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const ci = (r: { ciLow: number | null; ciHigh: number | null }) =>
  r.ciLow === null || r.ciHigh === null ? '—' : `${percent(r.ciLow)}–${percent(r.ciHigh)}`;
const fixed = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '—' : x.toFixed(digits));

function columns(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
}

type ShownFigure = Omit<RateFigure, 'n' | 'count'> & { n: number | null; count: number | null };
const shown = (value: number | null) => (value === null ? 'hidden' : String(value));
const rateRow = (name: string, r: ShownFigure) => [
  name,
  shown(r.n),
  shown(r.count),
  percent(r.rate),
  ci(r),
  r.small ? 'small' : '',
];
const RATE_HEADER = ['', 'n', 'count', 'rate', '95% CI', ''];
const filterLine = (filters: Record<string, string>) =>
  `Filters: ${
    Object.entries(filters)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ') || 'none'
  }`;

function timeVsOutcomeTable(r: TimeVsOutcomeReport): string[] {
  const a = r.adjusted;
  const adjusted =
    a === null
      ? 'Adjusted estimate: not worked out (the bands alone were asked for).'
      : a.oddsRatioPerDoubling === null
        ? `Adjusted estimate: none. ${a.note ?? ''}`
        : `Adjusted odds ratio per doubling of relationship time: ${a.oddsRatioPerDoubling.toFixed(3)} ` +
          `(95% CI ${fixed(a.ciLow, 3)}–${fixed(a.ciHigh, 3)}), n = ${a.n}, converged: ${a.converged ? 'yes' : 'no'}` +
          `\nCovariates: ${a.covariates.join(', ')}` +
          (a.references
            ? ` (reference: category ${a.references.category}, funding ${a.references.fundingStream})`
            : '') +
          (a.predictedRates
            ? `\nPredicted rate over these cases' own mix: ${a.predictedRates
                .map((p) => `${fixed(p.minutes / 60)} h ${percent(p.rate)} (${percent(p.ciLow)}–${percent(p.ciHigh)})`)
                .join(', ')}`
            : '') +
          (a.note ? `\n${a.note}` : '');
  return [
    `Time against outcome: ${labelOf(r.measure)} (${r.n} cases)`,
    filterLine(r.filters),
    '',
    ...columns([
      ['band', ...RATE_HEADER.slice(1)],
      ...r.bands.map((b) => rateRow(b.label ?? BANDS.find((x) => x.band === b.band)?.label ?? b.band, b)),
    ]),
    '',
    adjusted,
    '',
    r.caveat,
  ];
}

/** Value, n, cases not recorded (unknown is not negative), interval. */
function measureValue(m: MeasureFigure): [string, string, string, string] {
  switch (m.kind) {
    case 'rate':
      return [`${percent(m.rate)} (${m.count}/${m.n} ${m.unit})`, String(m.n), String(m.unknown), ci(m)];
    case 'mean': {
      const value =
        m.unit === 'share'
          ? percent(m.value)
          : m.unit === 'minutes'
            ? `${fixed(m.value)} min`
            : m.key === 'rqi'
              ? `${fixed(m.value)} / 100`
              : fixed(m.value, 2);
      const median = m.median === undefined ? '' : `, median ${fixed(m.median)} min`;
      const interval = m.ciLow == null || m.ciHigh == null ? '' : `${fixed(m.ciLow, 2)}–${fixed(m.ciHigh, 2)}`;
      return [`mean ${value}${median}`, String(m.n), m.unknown === undefined ? '' : String(m.unknown), interval];
    }
    case 'median':
      return [
        [
          `median ${fixed(m.value)} days`,
          ...(m.seenWithin ?? []).map((w) => `seen within ${w.workingDays} working days ${percent(w.rate)}`),
        ].join('; '),
        String(m.n),
        '',
        '',
      ];
    case 'distribution':
      return [m.groups.map((g) => `${g.value}: ${g.count}`).join(', '), String(m.n), String(m.unknown), ''];
  }
}

function measuresTable(r: MeasuresSummary): string[] {
  return [
    `Measures over ${r.n} closed cases (as of ${r.asOf})`,
    filterLine(r.filters),
    '',
    ...columns([
      ['measure', 'value', 'n', 'unknown', '95% CI'],
      ...r.measures.map((m) => [m.label, ...measureValue(m)]),
    ]),
    ...(r.details ?? []).flatMap((table) => [
      '',
      `${table.title} (columns: ${table.columnsAre})`,
      ...columns([
        ['', ...table.columns.map((c) => c.label), 'unknown'],
        ...table.rows.map((row) => [
          row.label,
          ...row.figures.map((f) =>
            f.kind === 'rate' ? `${percent(f.rate)} (n ${f.n})` : `${fixed(f.value, 2)} (n ${f.n})`,
          ),
          String(row.unknown),
        ]),
      ]),
      ...(table.note ? [table.note] : []),
    ]),
    '',
    r.caveat,
  ];
}

function fixedFeeTable(r: FixedFeeReport): string[] {
  const lines = [`Fixed fee against need (${r.n} closed cases, as of ${r.asOf})`, filterLine(r.filters), ''];
  for (const c of r.categories) {
    const fee = c.feesInForce[0];
    lines.push(
      `${c.label}: ${c.n} cases` +
        (fee
          ? `; fee in force £${fee.fixedFeeGbp.toFixed(2)} from ${fee.effectiveFrom}` +
            (fee.hoursPaidFor === null ? '' : `, pays for ${fee.hoursPaidFor.toFixed(2)} hours`)
          : ''),
      `  hours taken: median ${fixed(c.hours.median, 2)} h (quartiles ${fixed(c.hours.q1, 2)}–${fixed(c.hours.q3, 2)}), mean ${fixed(c.hours.mean, 2)}`,
      `  histogram: ${c.hours.buckets.map((b) => `${b.fromHours}${b.toHours === null ? '+' : `–${b.toHours}`}h: ${b.n}`).join(', ')}`,
    );
    if (c.withinFee && c.beyondFee) {
      lines.push(
        `  within the fee: ${c.withinFee.cases} cases, positive ${percent(c.withinFee.positiveOutcome.rate)} (${ci(c.withinFee.positiveOutcome)}, n ${c.withinFee.positiveOutcome.n})`,
        `  beyond the fee: ${c.beyondFee.cases} cases, positive ${percent(c.beyondFee.positiveOutcome.rate)} (${ci(c.beyondFee.positiveOutcome)}, n ${c.beyondFee.positiveOutcome.n})`,
      );
    }
    if (c.escape) lines.push(`  crossed the escape threshold: ${c.escape.count} of ${c.escape.n}`);
    const need = c.strictlyNecessary;
    if (need)
      lines.push(
        need.hours === null
          ? `  relationship time for a typical result: no estimate. ${need.note ?? ''}`
          : `  relationship time for a typical result (${percent(need.targetRate)} positive): ${fixed(need.hours, 2)} h` +
              (need.ciLow === null ? '' : ` (95% CI ${fixed(need.ciLow, 2)}–${fixed(need.ciHigh, 2)})`) +
              (need.note ? ` ${need.note}` : ''),
      );
    if (c.note) lines.push(`  ${c.note}`);
  }
  return [...lines, '', r.caveat];
}

function trendsTable(r: TrendsReport): string[] {
  return [
    `${r.label} by ${r.period} of closing (${r.n} in all)`,
    filterLine(r.filters),
    '',
    ...columns([['period', ...RATE_HEADER.slice(1)], ...r.periods.map((p) => rateRow(p.period, p))]),
    '',
    r.caveat,
  ];
}

function breakdownTable(r: BreakdownReport): string[] {
  return [
    `${r.label} by ${r.by} (${r.n} in all)`,
    filterLine(r.filters),
    '',
    ...columns([['group', ...RATE_HEADER.slice(1)], ...r.groups.map((g) => rateRow(g.label, g))]),
    ...(r.note ? ['', r.note] : []),
    '',
    r.caveat,
  ];
}

function chainTable(r: RelationshipChainReport): string[] {
  const value = (e: Estimate, digits = 2) =>
    e.estimate === null ? '—' : `${fixed(e.estimate, digits)} (${fixed(e.ciLow, digits)}–${fixed(e.ciHigh, digits)})`;
  const linkRow = (l: ChainLink) => [
    `${l.from} → ${l.to}`,
    l.kind === 'odds_ratio' ? 'odds ratio' : 'difference',
    value(l),
    l.per,
    String(l.n),
    String(l.unknown),
    l.estimate === null ? (l.note ?? '') : l.converged ? '' : 'not converged',
  ];
  const m = r.mediation;
  const share = m.shareThroughUnderstanding;
  return [
    `Relationship chain (${r.n} closed cases)`,
    filterLine(r.filters),
    '',
    ...columns([['link', 'kind', 'estimate (95% CI)', 'per', 'n', 'unknown', ''], ...r.links.map(linkRow)]),
    '',
    `Through understanding (n = ${m.n}, unknown ${m.unknown}):`,
    share.estimate === null
      ? `  no estimate. ${m.note ?? ''}`
      : `  share of the time–acceptance link through understanding: ${percent(share.estimate)} ` +
        `(95% CI ${percent(share.ciLow)}–${percent(share.ciHigh)})\n` +
        `  odds ratios per doubling of relationship time: indirect ${value(m.indirectOddsRatio, 3)}, ` +
        `direct ${value(m.directOddsRatio, 3)}, total ${value(m.totalOddsRatio, 3)}\n` +
        `  bootstrap: ${m.bootstrap.replicates} replicates (seed ${m.bootstrap.seed}), ${m.bootstrap.failed} without a fit` +
        (m.note ? `\n  ${m.note}` : ''),
    '',
    r.caveat,
  ];
}

// ---- Commands ----

export const reportCommands: CliCommand[] = [
  {
    name: 'report time-vs-outcome',
    summary: 'Outcome rates by band of relationship time, with the adjusted estimate',
    usage: `report time-vs-outcome ${FILTER_USAGE} [--measure M]`,
    options: { ...baseOptions, measure: stringOption },
    async run({ values }, ctx) {
      const query = await parseQuery(TimeVsOutcomeQueryDto, values, { measure: 'measure' });
      const orgId = await organisationId(values, ctx);
      const service = (await ctx.app()).get(TimeVsOutcomeService);
      const report = await service.report([orgId], query.measure ?? 'positive_outcome', filtersOf(query));
      return print(ctx, values, report, () => timeVsOutcomeTable(report));
    },
  },
  {
    name: 'report measures',
    summary: 'Every measure over the filtered closed cases, and the measures in detail',
    usage: `report measures ${FILTER_USAGE}`,
    options: baseOptions,
    async run({ values }, ctx) {
      const query = await parseQuery(ReportFiltersDto, values);
      const orgId = await organisationId(values, ctx);
      const report = await (await ctx.app()).get(MeasuresService).summary([orgId], filtersOf(query), undefined, true);
      return print(ctx, values, report, () => measuresTable(report));
    },
  },
  {
    name: 'report fixed-fee',
    summary: 'Hours a fixed fee pays for against the hours cases took, per category',
    usage: `report fixed-fee ${FILTER_USAGE}`,
    options: baseOptions,
    async run({ values }, ctx) {
      const query = await parseQuery(ReportFiltersDto, values);
      const orgId = await organisationId(values, ctx);
      const report = await (await ctx.app()).get(FixedFeeService).report([orgId], filtersOf(query));
      return print(ctx, values, report, () => fixedFeeTable(report));
    },
  },
  {
    name: 'report trends',
    summary: 'A rate by month or quarter of closing',
    usage: `report trends ${FILTER_USAGE} [--measure M] [--period month|quarter]`,
    options: { ...baseOptions, measure: stringOption, period: stringOption },
    async run({ values }, ctx) {
      const query = await parseQuery(TrendsQueryDto, values, { measure: 'measure', period: 'period' });
      const orgId = await organisationId(values, ctx);
      const service = (await ctx.app()).get(RateReportsService);
      const report = await service.trends(
        [orgId],
        query.measure ?? 'positive_outcome',
        query.period ?? 'month',
        filtersOf(query),
      );
      return print(ctx, values, report, () => trendsTable(report));
    },
  },
  {
    name: 'report breakdown',
    summary: 'A rate per office, funding stream, vulnerability, arrival route, category or adviser',
    usage: `report breakdown --by D ${FILTER_USAGE} [--measure M]`,
    options: { ...baseOptions, measure: stringOption, by: stringOption },
    async run({ values }, ctx) {
      const query = await parseQuery(BreakdownQueryDto, values, { measure: 'measure', by: 'by' });
      const orgId = await organisationId(values, ctx);
      const service = (await ctx.app()).get(RateReportsService);
      const report = await service.breakdown([orgId], query.measure ?? 'positive_outcome', query.by, filtersOf(query));
      return print(ctx, values, report, () => breakdownTable(report));
    },
  },
  {
    name: 'report chain',
    summary: 'The relationship chain: each link adjusted for case mix, and the share through understanding',
    usage: `report chain ${FILTER_USAGE}`,
    options: baseOptions,
    async run({ values }, ctx) {
      const query = await parseQuery(ReportFiltersDto, values);
      const orgId = await organisationId(values, ctx);
      const report = await (await ctx.app()).get(RelationshipChainService).report([orgId], filtersOf(query));
      return print(ctx, values, report, () => chainTable(report));
    },
  },
];
