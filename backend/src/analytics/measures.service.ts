/**
 * The measures summary: every measure in docs/measures.md over the closed cases in scope, each with what it
 * rests on (n, and the count for rates with a 95% Wilson interval) and its definition.
 */
import { Injectable } from '@nestjs/common';

import {
  ASSOCIATION_CAVEAT,
  BOUNCE_BACK_WINDOW_MONTHS,
  MEASURES,
  OUTCOME_RESULTS,
  PROBLEM_ACTIONS,
  SMALL_BAND_N,
  type MeasureKey,
} from '@deepvalue/shared';
import type { RequestUser } from '../access/request-user.js';
import type { MeasuresQueryDto } from './dto/report-query.dto.js';
import { MeasureDetailsService } from './measure-details.service.js';
import { ReportScopeService } from './report-scope.service.js';
import { MeasuresRepository, type SummaryRow } from './measures.repository.js';
import { meanInterval } from './statistics/mean-interval.js';
import { clusterMeanInterval, type ClusterSums } from './statistics/cluster-mean-interval.js';
import { clusterShareInterval } from './statistics/cluster-share-interval.js';
import {
  RATE_MEASURE_SQL,
  SEEN_WITHIN_WORKING_DAYS,
  maturityCutoff,
  rateDefinition,
  type RateMeasure,
  type ScoreMeasure,
} from './measures.sql.js';

import { rateFigure } from './rate-figure.js';

import { describeFilters, type ReportFilters } from './report-filters.js';

import type { MeasureFigure, MeasuresSummary } from '@deepvalue/shared';
import { normaliseFilters, todayIso } from './facts-query.js';

const BOUNCE_IN_GROUPS = ['0', '1', '2', '3+'];

/**
 * Understanding, trust and disclosure, personal development, retelling, follow-up and underlying
 * problems (docs/measures.md): each with n, the unknowns beside it, and a 95% interval.
 */
function extraFigures(row: SummaryRow): MeasureFigure[] {
  const { scores, toldStory, problems } = row.extras;
  const covered = (n: number, scope: number) => ({ unknown: scope - n, coverage: scope ? n / scope : null });
  const score = (key: ScoreMeasure, note: string): MeasureFigure => ({
    key,
    label: MEASURES[key].label,
    definition: MEASURES[key].definition,
    kind: 'mean',
    unit: 'score',
    ...meanInterval(scores[key]),
    n: scores[key].n,
    small: scores[key].n < SMALL_BAND_N,
    ...covered(scores[key].n, row.closed),
    note,
  });
  const rate = (measure: RateMeasure, note?: string): MeasureFigure => {
    const counts = row.rates[measure];
    return {
      ...rateDefinition(measure),
      kind: 'rate',
      unit: 'cases',
      ...rateFigure(counts),
      unknown: counts.unknown,
      coverage: counts.scope ? (counts.scope - counts.unknown) / counts.scope : null,
      ...(note && { note }),
    };
  };
  /** Shares with Wilson intervals; for problems (`clusters`), allowing for a case's problems being alike. */
  const distribution = (
    key: 'times_told_story' | 'problem_actions' | 'problem_results',
    groups: Array<[string, number]>,
    unknown: number,
    note: string,
    clusters?: ClusterSums[],
  ): MeasureFigure => {
    const n = groups.reduce((total, [, count]) => total + count, 0);
    return {
      key,
      label: MEASURES[key].label,
      definition: MEASURES[key].definition,
      kind: 'distribution',
      ...(key !== 'times_told_story' && { of: 'problems' as const }),
      n,
      unknown,
      coverage: n + unknown ? n / (n + unknown) : null,
      groups: groups.map(([value, count], k) => {
        const { rate, ciLow, ciHigh } = clusters ? clusterShareInterval(clusters[k]) : rateFigure({ n, count });
        return { value, count, share: rate, ciLow, ciHigh };
      }),
      small: n < SMALL_BAND_N,
      note,
    };
  };
  const problemCount = problems.timeBefore.n;
  return [
    score('understood', 'Mean score 1–5 at closing.'),
    score('trust', 'Mean score 1–5, the adviser’s assessment.'),
    rate('full_disclosure', 'The adviser’s assessment.'),
    score('confidence_change', 'Mean change on the 1–5 scale; above 0, clients felt more confident after.'),
    rate('confidence_improved'),
    rate('would_seek_advice_earlier'),
    rate('could_handle_similar'),
    distribution(
      'times_told_story',
      toldStory.counts.map((count, i): [string, number] => [BOUNCE_IN_GROUPS[i], count]),
      toldStory.unknown,
      `${toldStory.unknown} closed cases have no answer recorded and are left out.`,
    ),
    score(
      'did_not_repeat_story',
      'The client’s own view of the retelling burden: mean score 1–5 on “I didn’t have to repeat my story” (each case’s forms averaged), over closed cases where a client answered it.',
    ),
    rate('outcome_sustained', 'From the latest follow-up that asked.'),
    rate('new_problem_at_follow_up'),
    distribution(
      'problem_actions',
      PROBLEM_ACTIONS.map((a): [string, number] => [a, problems.actions[a]]),
      0,
      `Counted in underlying problems (${problemCount}), not cases; the intervals allow for problems of one case being alike (${problems.timeBefore.clusters} cases).`,
      PROBLEM_ACTIONS.map((a) => problems.actionClusters[a]),
    ),
    distribution(
      'problem_results',
      OUTCOME_RESULTS.map((r): [string, number] => [r, problems.results[r]]),
      problems.resultUnknown,
      `Counted in underlying problems; ${problems.resultUnknown} have no result of their own recorded and are left out. The intervals allow for problems of one case being alike.`,
      OUTCOME_RESULTS.map((r) => problems.resultClusters[r]),
    ),
    {
      key: 'problem_time_before',
      label: MEASURES.problem_time_before.label,
      definition: MEASURES.problem_time_before.definition,
      kind: 'mean',
      unit: 'minutes',
      of: 'problems',
      ...clusterMeanInterval(problems.timeBefore),
      n: problemCount,
      // Every underlying problem has a time before it surfaced (0 when no session came first): none unknown.
      unknown: 0,
      coverage: problemCount ? 1 : null,
      small: problemCount < SMALL_BAND_N,
      note: `Counted in underlying problems, not cases; the interval allows for problems of one case being alike (${problems.timeBefore.clusters} cases).`,
    },
  ];
}

@Injectable()
export class MeasuresService {
  constructor(
    private readonly repository: MeasuresRepository,
    private readonly details: MeasureDetailsService,
    private readonly scope: ReportScopeService,
  ) {}

  /** The summary a manager asked for, within what they may see (ReportScopeService). */
  async summaryFor(user: RequestUser, query: MeasuresQueryDto): Promise<MeasuresSummary> {
    const { detail, ...rest } = query;
    const { organisationIds, filters } = await this.scope.resolve(user, rest);
    return this.summary(organisationIds, filters, undefined, detail === 'true');
  }

  /** The summary; with `detail`, also the measures in detail (read from the facts, so slower). */
  async summary(
    organisationIds: string[],
    filters: ReportFilters,
    asOf = todayIso(),
    detail = false,
  ): Promise<MeasuresSummary> {
    const normalised = normaliseFilters(filters);
    const row = await this.repository.summary(organisationIds, normalised, asOf);
    const small = (n: number) => n < SMALL_BAND_N;
    const header = (key: MeasureKey) => ({ key, label: MEASURES[key].label, definition: MEASURES[key].definition });
    const rate = (measure: RateMeasure, note?: string): MeasureFigure => ({
      ...rateDefinition(measure),
      kind: 'rate',
      unit: RATE_MEASURE_SQL[measure].unit,
      ...rateFigure(row.rates[measure]),
      unknown: row.rates[measure].unknown,
      coverage: row.rates[measure].scope
        ? (row.rates[measure].scope - row.rates[measure].unknown) / row.rates[measure].scope
        : null,
      ...(note && { note }),
    });
    const { bounceIn } = row;

    const measures: MeasureFigure[] = [
      {
        ...header('relationship_time'),
        kind: 'mean',
        unit: 'minutes',
        value: row.relationshipTime.mean,
        median: row.relationshipTime.median,
        n: row.relationshipTime.n,
        small: small(row.relationshipTime.n),
      },
      {
        ...header('relationship_share'),
        kind: 'mean',
        unit: 'share',
        value: row.relationshipShare.mean,
        n: row.relationshipShare.n,
        small: small(row.relationshipShare.n),
        note: 'Mean of each case’s share, over cases with any time recorded.',
      },
      {
        ...header('continuity'),
        kind: 'mean',
        unit: 'share',
        value: row.continuity.mean,
        n: row.continuity.n,
        small: small(row.continuity.n),
        note: 'Mean of each case’s share, over cases with relationship time.',
      },
      {
        ...header('first_contact_latency'),
        kind: 'median',
        unit: 'days',
        value: row.firstContactLatency.median,
        n: row.firstContactLatency.n,
        small: small(row.firstContactLatency.n),
        seenWithin: SEEN_WITHIN_WORKING_DAYS.map((workingDays, i) => ({
          workingDays,
          ...rateFigure({ n: row.firstContactLatency.n, count: row.firstContactLatency.seenWithin[i] }),
        })),
        note:
          'Median over cases with a relationship-time session, in days from the client’s first contact (the day the case ' +
          'was opened unless recorded); with the share first seen within 2 and within 10 working days (Monday to Friday).',
      },
      {
        ...header('rqi'),
        kind: 'mean',
        unit: 'score',
        ...meanInterval(row.rqi),
        n: row.rqi.n,
        unknown: row.closed - row.rqi.n,
        coverage: row.closed ? row.rqi.n / row.closed : null,
        total: row.rqi.items,
        small: small(row.rqi.n),
        note: `Mean of each case’s index over ${row.rqi.n} cases with feedback (${row.rqi.items} items answered).`,
      },
      {
        ...header('underlying_problems'),
        kind: 'mean',
        unit: 'problems',
        value: row.underlyingProblems.mean,
        n: row.underlyingProblems.n,
        total: row.underlyingProblems.total,
        small: small(row.underlyingProblems.n),
      },
      rate('problem_uncovered'),
      rate('positive_outcome'),
      rate('accepted'),
      rate('avoided_appeal_overall', 'The count is the number of avoided appeals.'),
      rate('avoided_appeal', 'Among negative outcomes where whether the appeal was avoided is known.'),
      {
        ...header('bounce_in'),
        kind: 'distribution',
        n: bounceIn.n,
        unknown: bounceIn.unknown,
        coverage: bounceIn.n + bounceIn.unknown ? bounceIn.n / (bounceIn.n + bounceIn.unknown) : null,
        groups: bounceIn.counts.map((count, i) => {
          const { rate, ciLow, ciHigh } = rateFigure({ n: bounceIn.n, count });
          return { value: BOUNCE_IN_GROUPS[i], count, share: rate, ciLow, ciHigh };
        }),
        small: small(bounceIn.n),
        note: `${bounceIn.unknown} closed cases have no bounce-in recorded and are left out.`,
      },
      rate(
        'bounce_out',
        `${row.rates.bounce_out.unknown} closed cases with no outcome recorded and no referral out are unknown and left out.`,
      ),
      rate(
        'bounce_back',
        `Only cases closed on or before ${maturityCutoff(asOf, BOUNCE_BACK_WINDOW_MONTHS)} count: later ones have not had ${BOUNCE_BACK_WINDOW_MONTHS} months to come back. ` +
          `Of those, ${row.rates.bounce_back.unknown} with no follow-up recorded are unknown and left out.`,
      ),
      rate('referral_completion', 'Counted in referrals, not cases.'),
      ...extraFigures(row),
    ];
    return {
      n: row.closed,
      asOf,
      filters: describeFilters(normalised),
      measures,
      ...(detail && { details: await this.details.tables(organisationIds, normalised, asOf, row.closed) }),
      caveat: ASSOCIATION_CAVEAT,
    };
  }
}
