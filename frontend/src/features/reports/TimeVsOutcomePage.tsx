import {
  type AdjustedEstimate,
  BANDS,
  MEASURES,
  OUTCOME_MEASURES,
  type OutcomeMeasure,
  type TimeVsOutcomeReport,
} from '@deepvalue/shared';
import { Link } from 'react-router';
import { formatNumber } from '../../app/format';
import { useMe } from '../../app/session';
import { QueryState } from '../../ui/QueryState';
import { adjustedSentence, covariatesInWords, intervalReading } from './adjusted';
import { useTimeVsOutcome } from './api';
import { type ReportFilters, toQuery, useReportParams } from './filters';
import { RateCell, RateTableHead } from './RateCell';
import { ReportFiltersForm } from './ReportFiltersForm';
import { LazyRateChart, usePreloadRateChart } from './charts/LazyRateChart';
import { ReportLayout } from './ReportLayout';

const MEASURE_LABELS: Record<OutcomeMeasure, string> = {
  positive_outcome: MEASURES.positive_outcome.label,
  accepted: MEASURES.accepted.label,
  avoided_appeal: `${MEASURES.avoided_appeal.label} (among negative outcomes)`,
  problem_uncovered: MEASURES.problem_uncovered.label,
  bounce_back: MEASURES.bounce_back.label,
};

export function isOutcomeMeasure(value: string | null): value is OutcomeMeasure {
  return (OUTCOME_MEASURES as readonly string[]).includes(value ?? '');
}

/** The core view: each outcome by band of relationship time, and the adjusted estimate. */
export function TimeVsOutcomePage() {
  usePreloadRateChart();
  const { filters, params, apply } = useReportParams();
  const measure = isOutcomeMeasure(params.get('measure'))
    ? (params.get('measure') as OutcomeMeasure)
    : 'positive_outcome';
  const { report: query, estimate } = useTimeVsOutcome(measure, filters);
  return (
    <ReportLayout title="Time against outcome" current="/reports/time-vs-outcome">
      <ReportFiltersForm
        key={params.toString()}
        filters={filters}
        choices={[
          {
            key: 'measure',
            label: 'Outcome',
            options: OUTCOME_MEASURES.map((value) => ({ value, label: MEASURE_LABELS[value] })),
            value: measure,
          },
        ]}
        onApply={apply}
      />
      <QueryState query={query} what="The report">
        {(report) => <Report report={report} measure={measure} filters={filters} estimateFailed={estimate.isError} />}
      </QueryState>
    </ReportLayout>
  );
}

function Report({
  report,
  measure,
  filters,
  estimateFailed,
}: {
  report: TimeVsOutcomeReport;
  measure: OutcomeMeasure;
  filters: ReportFilters;
  estimateFailed: boolean;
}) {
  const me = useMe();
  const canDrill = me.role === 'manager';
  const drill = (band: number, outcome: 'eligible' | 'success') =>
    `/reports/cases${toQuery(filters, { measure, band, outcome })}`;
  const label = MEASURE_LABELS[measure];
  // The cases not recorded beside n, as the evidence pack has them (a response without them has no column).
  const withUnknown = report.bands.some((b) => b.unknown !== undefined);
  return (
    <>
      <h2 className="govuk-heading-m">
        {label} by relationship time{' '}
        <span className="govuk-caption-m">
          {report.n === null ? 'hidden: too few' : formatNumber(report.n)} closed cases
        </span>
      </h2>
      <p className="govuk-body dv-muted">{MEASURES[measure].definition}</p>

      <section aria-labelledby="adjusted-title" className="dv-panel">
        <h3 className="govuk-heading-s" id="adjusted-title">
          Allowing for case mix
        </h3>
        {report.adjusted ? (
          <AdjustedEstimateText adjusted={report.adjusted} measure={measure} />
        ) : estimateFailed ? (
          <p className="govuk-body" role="alert">
            The estimate allowing for case mix could not be worked out just now; the rates by band below stand on their
            own. Reload the page to try again.
          </p>
        ) : (
          <p className="govuk-body dv-muted" role="status" data-testid="adjusted-pending">
            Working out the estimate allowing for case mix…
          </p>
        )}
        <p className="govuk-body">
          <strong>Association, not proof of cause.</strong> {report.caveat}
        </p>
      </section>

      <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6">
        <figcaption className="govuk-heading-s">
          {label}: rate in each band with its 95% interval (the same figures are in the table below)
        </figcaption>
        <LazyRateChart
          points={report.bands.map((b, i) => ({ ...b, n: b.n ?? 0, label: b.label ?? BANDS[i]?.label ?? b.band }))}
        />
      </figure>

      <div className="dv-table-scroll">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {label} by band of relationship time
          </caption>
          <RateTableHead first="Relationship time" withUnknown={withUnknown} />
          <tbody className="govuk-table__body">
            {report.bands.map((b, i) => (
              <tr key={b.band} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {b.label ?? BANDS[i]?.label ?? b.band}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {canDrill && (b.n ?? 0) > 0 ? (
                    <Link className="govuk-link" to={drill(i, 'eligible')}>
                      {formatNumber(b.n)}
                      <span className="govuk-visually-hidden"> cases with {BANDS[i]?.label} of relationship time</span>
                    </Link>
                  ) : (
                    shownCount(b.n)
                  )}
                </td>
                {withUnknown && (
                  <td className="govuk-table__cell govuk-table__cell--numeric">{shownCount(b.unknown ?? null)}</td>
                )}
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {canDrill && (b.count ?? 0) > 0 ? (
                    <Link className="govuk-link" to={drill(i, 'success')}>
                      {formatNumber(b.count)}
                      <span className="govuk-visually-hidden">
                        {' '}
                        cases with {label.toLowerCase()}, {BANDS[i]?.label}
                      </span>
                    </Link>
                  ) : (
                    shownCount(b.count)
                  )}
                </td>
                <td className="govuk-table__cell dv-bar-cell">
                  {b.suppressed ? (
                    <span className="dv-muted">Hidden to protect small numbers</span>
                  ) : (
                    <RateCell figure={{ ...b, n: b.n ?? 0, count: b.count ?? 0 }} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canDrill && <p className="govuk-body-s dv-muted">Select a number to see the cases behind it.</p>}
      {withUnknown && !report.suppressionThreshold && (
        <p className="govuk-body-s dv-muted">
          &ldquo;Not recorded&rdquo; counts the closed cases left out of n because there is nothing to rate: not
          recorded, no result (withdrawn, lost contact) or, for bounce-back, too soon to tell; for avoided appeal, the
          negative outcomes where whether an appeal was avoided is not known. Never counted as &ldquo;no&rdquo;.
        </p>
      )}
      {report.suppressionThreshold && (
        <p className="govuk-body-s dv-muted">
          Only clients who agreed to their anonymised data being used are counted. To protect small numbers, counts are
          rounded to the nearest {report.suppressionThreshold}, the total is the sum of the rounded bands, and rates and
          intervals are worked out from the rounded counts; a band with too few cases is merged with its neighbour (its
          row says so). &ldquo;Not recorded&rdquo; counts the cases left out of n because there is nothing to rate: not
          recorded, no result (withdrawn, lost contact) or, for bounce-back, too soon to tell; never counted as
          &ldquo;no&rdquo;. These are the figures the evidence pack gives.
        </p>
      )}
    </>
  );
}

/** The adjusted estimate in words, with the caveat and how it is worked out. */
function AdjustedEstimateText({ adjusted, measure }: { adjusted: AdjustedEstimate; measure: OutcomeMeasure }) {
  const reading = intervalReading(adjusted);
  return (
    <>
      <p className="govuk-body dv-estimate" data-testid="adjusted-sentence">
        {adjustedSentence(measure, adjusted)}
      </p>
      {reading && <p className="govuk-body">{reading}</p>}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">How this is worked out</span>
        </summary>
        <div className="govuk-details__text">
          <p>
            A logistic regression on closed cases, of the outcome on log₂ of relationship time (at least 15 minutes),
            with the other factors listed. An odds ratio above 1 means the outcome was more likely with more
            relationship time, once those factors are allowed for.
          </p>
          <p>
            Allowing for: {covariatesInWords(adjusted)}. The predicted rates give every case in the model the same
            relationship time while keeping its own category, vulnerabilities and funding, and average them.{' '}
            {adjusted.converged ? `The fit converged in ${adjusted.iterations} steps.` : ''}
          </p>
        </div>
      </details>
    </>
  );
}

/** A count, or "hidden" where small-number suppression withholds it. */
function shownCount(value: number | null): string {
  return value === null ? 'hidden' : formatNumber(value);
}
