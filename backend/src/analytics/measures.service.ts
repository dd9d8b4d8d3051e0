/**
 * The measures summary: every measure in docs/measures.md over the closed cases in scope, each with what it
 * rests on (n, and the count for rates with a 95% Wilson interval) and its definition.
 */
import { Injectable } from '@nestjs/common';
import {
  ASSOCIATION_CAVEAT,
  BOUNCE_BACK_WINDOW_MONTHS,
  MEASURES,
  SMALL_BAND_N,
  type MeasureKey,
} from '@deepvalue/shared';
import { MeasuresRepository } from './measures.repository.js';
import {
  RATE_MEASURE_SQL,
  SEEN_WITHIN_WORKING_DAYS,
  maturityCutoff,
  rateDefinition,
  type RateMeasure,
} from './measures.sql.js';
import { rateFigure } from './rate-figure.js';
import { describeFilters, type ReportFilters } from './report-filters.js';
import type { MeasureFigure, MeasuresSummary } from '@deepvalue/shared';
import { normaliseFilters, todayIso } from './time-vs-outcome.service.js';

const BOUNCE_IN_GROUPS = ['0', '1', '2', '3+'];

@Injectable()
export class MeasuresService {
  constructor(private readonly repository: MeasuresRepository) {}

  async summary(organisationIds: string[], filters: ReportFilters, asOf = todayIso()): Promise<MeasuresSummary> {
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
        value: row.rqi.mean,
        n: row.rqi.n,
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
        groups: bounceIn.counts.map((count, i) => ({
          value: BOUNCE_IN_GROUPS[i],
          count,
          share: bounceIn.n ? count / bounceIn.n : null,
        })),
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
    ];
    return {
      n: row.closed,
      asOf,
      filters: describeFilters(normalised),
      measures,
      caveat: ASSOCIATION_CAVEAT,
    };
  }
}
