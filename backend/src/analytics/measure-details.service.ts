/**
 * The measures in detail (docs/measures.md, "Measures in detail"): understanding, trust and disclosure,
 * RQI and personal development by band of relationship time; acceptance by level of understanding; the
 * outcomes beside trust, disclosure and RQI; and the retelling burden by arrival route and bounce-in.
 * Each table is one pass over the per-case facts in scope (the same filters as the summary), using the
 * one definition of each measure in measures.sql.ts. Every cell has its n and a 95% interval; a cell
 * needs both ends recorded, and each row says how many closed cases were left out for that.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ARRIVAL_ROUTES,
  BANDS,
  DISCLOSURES,
  MEASURES,
  SMALL_BAND_N,
  labelOf,
  type DetailFigure,
  type DetailTable,
} from '@deepvalue/shared';
import { factsWhere, normaliseFilters } from './facts-query.js';
import {
  CASE_VALUE_SQL,
  RATE_MEASURE_SQL,
  SCORE_SQL,
  TIMES_TOLD_STORY,
  problemTimeBeforeRows,
  rateDefinition,
  type RateMeasure,
} from './measures.sql.js';
import { rateFigure } from './rate-figure.js';
import type { ReportFilters } from './report-filters.js';
import { CLUSTER_BOOTSTRAP, clusterMedian } from './statistics/cluster-median.js';
import { meanInterval } from './statistics/mean-interval.js';

interface RowSpec {
  key: string;
  label: string;
  definition: string;
  /** A mean of `value` over the cases where `applies`, or a rate (n and count per case). */
  sql: { kind: 'mean'; value: string; applies: string } | { kind: 'rate'; eligible: string; n: string; count: string };
}

interface TableSpec {
  key: string;
  title: string;
  columnsAre: string;
  /** Per case: its column's key (text), over the cases where `known`. */
  column: string;
  known: string;
  columns: Array<{ key: string; label: string }>;
  rows: RowSpec[];
  note?: string;
}

const RQI = CASE_VALUE_SQL.rqi;
/** RQI in quarters of its 0–100 scale: a case's mean item score below 2, 2 to 3, 3 to 4, 4 or more. */
const RQI_GROUP = `CASE WHEN ${RQI.value} < 25 THEN '0' WHEN ${RQI.value} < 50 THEN '1' WHEN ${RQI.value} < 75 THEN '2' ELSE '3' END`;
const LEVELS = ['1', '2', '3', '4', '5'];

const mean = (
  key: 'understood' | 'trust' | 'confidence_change' | 'did_not_repeat_story' | 'rqi',
  label?: string,
): RowSpec => {
  const { value, applies } = key === 'rqi' ? RQI : SCORE_SQL[key];
  return {
    key,
    label: label ?? MEASURES[key].label,
    definition: MEASURES[key].definition,
    sql: { kind: 'mean', value, applies },
  };
};
const rate = (measure: RateMeasure): RowSpec => {
  const { eligible, n, count } = RATE_MEASURE_SQL[measure];
  const { label, definition } = rateDefinition(measure);
  return { key: measure, label, definition, sql: { kind: 'rate', eligible, n, count } };
};
const OUTCOMES = [rate('positive_outcome'), rate('accepted'), rate('problem_uncovered')];
const TOLD_STORY: RowSpec[] = ['0', '1', '2', '3+'].map((group, k): RowSpec => ({
  key: `times_told_story_${k}`,
  label: `Told their story ${group === '1' ? 'once' : group === '0' ? 'to no one' : `${group} times`} before`,
  definition: MEASURES.times_told_story.definition,
  sql: {
    kind: 'rate',
    eligible: TIMES_TOLD_STORY.applies,
    n: '1',
    count: `CASE WHEN ${TIMES_TOLD_STORY.value} = ${k} THEN 1 ELSE 0 END`,
  },
}));
/** The retelling tables: how often clients had told their story, then their own score on having to repeat it. */
const RETELLING: RowSpec[] = [
  ...TOLD_STORY,
  mean('did_not_repeat_story', 'Didn’t have to repeat their story (client, mean 1–5)'),
];
const RETELLING_NOTE =
  'Each “told their story” cell: the share of cases in the column (with an answer) whose client had told their story that many times. The last row: the mean of the client’s own score on “I didn’t have to repeat my story”, over the cases in the column where it was answered.';
const ASSOCIATION_NOTE =
  'Side by side, not adjusted for case mix: the relationship chain report gives the adjusted estimates.';

const TABLES: TableSpec[] = [
  {
    key: 'by_band',
    title: 'By relationship time',
    columnsAre: 'Band of relationship time on the case',
    column: `f.band::text`,
    known: 'true',
    columns: BANDS.map((b, i) => ({ key: String(i), label: b.label })),
    rows: [
      mean('understood'),
      mean('trust'),
      rate('full_disclosure'),
      mean('rqi'),
      mean('confidence_change'),
      rate('confidence_improved'),
      rate('would_seek_advice_earlier'),
      rate('could_handle_similar'),
    ],
  },
  {
    key: 'by_understanding',
    title: 'Acceptance by understanding',
    columnsAre: 'How well the client understood the outcome (1 not at all – 5 fully)',
    column: `f.understood::text`,
    known: `f.understood IS NOT NULL`,
    columns: LEVELS.map((l) => ({ key: l, label: l })),
    rows: [rate('accepted'), rate('avoided_appeal_overall')],
  },
  {
    key: 'by_trust',
    title: 'Outcomes by trust',
    columnsAre: 'Trust, the adviser’s assessment (1–5)',
    column: `f.trust::text`,
    known: `f.trust IS NOT NULL`,
    columns: LEVELS.map((l) => ({ key: l, label: l })),
    rows: OUTCOMES,
    note: ASSOCIATION_NOTE,
  },
  {
    key: 'by_disclosure',
    title: 'Outcomes by disclosure',
    columnsAre: 'Did the client tell the whole story? (the adviser’s assessment)',
    column: `f.disclosure`,
    known: `f.disclosure IS NOT NULL`,
    columns: DISCLOSURES.map((d) => ({ key: d, label: labelOf(d) })),
    rows: OUTCOMES,
    note: ASSOCIATION_NOTE,
  },
  {
    key: 'by_rqi',
    title: 'Outcomes by relationship quality (RQI)',
    columnsAre: 'The client’s relationship quality index (0–100)',
    column: RQI_GROUP,
    known: RQI.applies,
    columns: ['0–24', '25–49', '50–74', '75–100'].map((label, i) => ({ key: String(i), label })),
    rows: OUTCOMES,
    note: ASSOCIATION_NOTE,
  },
  {
    key: 'retelling_by_arrival',
    title: 'Retelling burden by arrival route',
    columnsAre: 'How the client arrived',
    column: `f.arrival_route`,
    known: 'true',
    columns: ARRIVAL_ROUTES.map((a) => ({ key: a, label: labelOf(a) })),
    rows: RETELLING,
    note: RETELLING_NOTE,
  },
  {
    key: 'retelling_by_bounce_in',
    title: 'Retelling burden by bounce-in',
    columnsAre: 'Other organisations contacted about this problem before',
    column: `least(f.prior_organisations_contacted, 3)::text`,
    known: `f.prior_organisations_contacted IS NOT NULL`,
    columns: ['0', '1', '2', '3+'].map((label, i) => ({ key: String(i), label })),
    rows: RETELLING,
    note: RETELLING_NOTE,
  },
];

@Injectable()
export class MeasureDetailsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The tables over the closed cases in scope; `closed` is how many there are (the summary's n). */
  async tables(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
    closed: number,
  ): Promise<DetailTable[]> {
    const where = factsWhere(organisationIds, normaliseFilters(filters), undefined, asOf);
    return Promise.all([...TABLES.map((spec) => this.table(spec, where, closed)), this.problemTimeBefore(where)]);
  }

  /** The median relationship time before an underlying problem surfaced, its interval resampling whole cases. */
  private async problemTimeBefore(where: { sql: string; params: unknown[] }): Promise<DetailTable> {
    const rows: Array<{ case_id: string; minutes: number }> = await this.dataSource.query(
      problemTimeBeforeRows(where.sql),
      where.params,
    );
    const byCase = new Map<string, number[]>();
    for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r.minutes]);
    // Cases in a fixed order, so the seeded resampling gives the same interval whatever order rows came in.
    const clusters = [...byCase.keys()].sort().map((id) => byCase.get(id)!);
    const m = clusterMedian(clusters);
    return {
      key: 'problem_time_before',
      title: 'Relationship time before an underlying problem surfaced',
      columnsAre: 'All underlying problems uncovered on the closed cases',
      columns: [{ key: 'all', label: 'All underlying problems' }],
      rows: [
        {
          key: 'problem_time_before_median',
          label: 'Median minutes of relationship time before it surfaced',
          definition: `${MEASURES.problem_time_before.definition.replace('The mean', 'The median')}`,
          figures: [
            { kind: 'median', n: m.n, value: m.value, ciLow: m.ciLow, ciHigh: m.ciHigh, small: m.n < SMALL_BAND_N },
          ],
          unknown: 0,
        },
      ],
      note:
        `Counted in underlying problems (n), not cases (${m.clusters}); the summary gives the mean. The 95% interval ` +
        `resamples whole cases (${CLUSTER_BOOTSTRAP.replicates} resamples, seed ${CLUSTER_BOOTSTRAP.seed}), because ` +
        'the problems of one case share its sessions and are not independent.',
    };
  }

  private async table(
    spec: TableSpec,
    where: { sql: string; params: unknown[] },
    closed: number,
  ): Promise<DetailTable> {
    const columns = spec.rows.flatMap((row, i) =>
      row.sql.kind === 'mean'
        ? [
            `count(*) FILTER (WHERE ${row.sql.applies})::int AS "${i}.n"`,
            `coalesce(sum((${row.sql.value})::float8) FILTER (WHERE ${row.sql.applies}), 0) AS "${i}.sum"`,
            `coalesce(sum((${row.sql.value})::float8 * (${row.sql.value})::float8) FILTER (WHERE ${row.sql.applies}), 0) AS "${i}.sumsq"`,
          ]
        : [
            `coalesce(sum(${row.sql.n}) FILTER (WHERE ${row.sql.eligible}), 0)::int AS "${i}.n"`,
            `coalesce(sum(${row.sql.count}) FILTER (WHERE ${row.sql.eligible}), 0)::int AS "${i}.count"`,
          ],
    );
    const result: Array<Record<string, number | string>> = await this.dataSource.query(
      `SELECT ${spec.column} AS "column", ${columns.join(',\n              ')}
         FROM case_facts f
        WHERE ${where.sql} AND ${spec.known}
        GROUP BY 1`,
      where.params,
    );
    const byColumn = new Map(result.map((r) => [String(r.column), r]));
    const rows = spec.rows.map((row, i) => {
      const figures = spec.columns.map((column): DetailFigure => {
        const r = byColumn.get(column.key);
        const num = (part: string) => Number(r?.[`${i}.${part}`] ?? 0);
        if (row.sql.kind === 'mean') {
          const sums = { n: num('n'), sum: num('sum'), sumsq: num('sumsq') };
          return { kind: 'mean', n: sums.n, small: sums.n < SMALL_BAND_N, ...meanInterval(sums) };
        }
        return { kind: 'rate', ...rateFigure({ n: num('n'), count: num('count') }) };
      });
      const counted = figures.reduce((total, f) => total + f.n, 0);
      return { key: row.key, label: row.label, definition: row.definition, figures, unknown: closed - counted };
    });
    return {
      key: spec.key,
      title: spec.title,
      columnsAre: spec.columnsAre,
      columns: spec.columns,
      rows,
      ...(spec.note && { note: spec.note }),
    };
  }
}
