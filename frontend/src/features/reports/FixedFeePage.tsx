import { Link } from 'react-router';
import { formatCount, formatDate, formatGbp, formatNumber, formatPercent } from '../../app/format';
import { useMe } from '../../app/session';
import { QueryState } from '../../ui/QueryState';
import { useFixedFee } from './api';
import { useReportParams } from './filters';
import { RateCell } from './RateCell';
import { ReportFiltersForm } from './ReportFiltersForm';
import { ReportLayout } from './ReportLayout';
import type { FixedFeeCategory } from './types';

const hours = (value: number | null | undefined) =>
  value == null ? '' : `${formatNumber(value, 1)} ${value === 1 ? 'hour' : 'hours'}`;

/** Per category: the hours a fixed fee pays for beside the hours cases took (docs/measures.md). */
export function FixedFeePage() {
  const me = useMe();
  const { filters, params, apply } = useReportParams();
  const query = useFixedFee(filters);
  return (
    <ReportLayout title="Fixed fee against need" current="/reports/fixed-fee" caveat={query.data?.caveat}>
      <p className="govuk-body">
        A fixed fee pays for a number of hours of adviser time (the fee divided by the hourly rate). This report sets
        that line beside the hours closed cases actually took, and the outcomes of cases either side of it.
      </p>
      <ReportFiltersForm key={params.toString()} filters={filters} onApply={apply} />
      <QueryState query={query} what="The report">
        {(report) => (
          <>
            <p className="govuk-body">
              {formatNumber(report.n)} closed cases, fees as in force on {formatDate(report.asOf)}.
              {report.feeTables.some((t) => t.usingDefaults) && (
                <>
                  {' '}
                  The national default fees are in use
                  {me.role === 'manager' ? (
                    <>
                      :{' '}
                      <Link className="govuk-link" to="/pricing/fees">
                        enter your hourly rate
                      </Link>{' '}
                      to see the hours each fee pays for.
                    </>
                  ) : (
                    '.'
                  )}
                </>
              )}
            </p>
            {report.categories.map((c) => (
              <CategorySection key={c.category} c={c} />
            ))}
          </>
        )}
      </QueryState>
    </ReportLayout>
  );
}

function CategorySection({ c }: { c: FixedFeeCategory }) {
  const fee = c.feesInForce[0];
  const maxBucket = Math.max(1, ...c.hours.buckets.map((b) => b.n));
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`fee-${c.category}`}>
      <h2 className="govuk-heading-m" id={`fee-${c.category}`}>
        {c.label} <span className="govuk-caption-m">{formatCount(c.n, 'case')}</span>
      </h2>
      <dl className="dv-stats">
        <div className="dv-stat">
          <dt className="dv-stat__label">Fixed fee now</dt>
          <dd className="dv-stat__value">{fee ? formatGbp(fee.fixedFeeGbp) : 'None'}</dd>
          {fee?.escapeThresholdGbp != null && (
            <dd className="dv-stat__note">escape above {formatGbp(fee.escapeThresholdGbp)}</dd>
          )}
        </div>
        <div className="dv-stat">
          <dt className="dv-stat__label">Hours the fee pays for</dt>
          <dd className="dv-stat__value">{fee?.hoursPaidFor != null ? hours(fee.hoursPaidFor) : 'Not known'}</dd>
          {fee?.hourlyRateGbp != null ? (
            <dd className="dv-stat__note">at {formatGbp(fee.hourlyRateGbp)} an hour</dd>
          ) : (
            <dd className="dv-stat__note">needs a local hourly rate</dd>
          )}
        </div>
        <div className="dv-stat">
          <dt className="dv-stat__label">Hours cases took (median)</dt>
          <dd className="dv-stat__value">{hours(c.hours.median) || 'No cases'}</dd>
          {c.hours.q1 != null && c.hours.q3 != null && (
            <dd className="dv-stat__note">
              half between {formatNumber(c.hours.q1, 1)} and {formatNumber(c.hours.q3, 1)}
            </dd>
          )}
        </div>
        {c.strictlyNecessary && (
          <div className="dv-stat" data-testid={`necessary-${c.category}`}>
            <dt className="dv-stat__label">Relationship time for a typical result</dt>
            <dd className="dv-stat__value">
              {c.strictlyNecessary.hours !== null ? hours(c.strictlyNecessary.hours) : 'No estimate'}
            </dd>
            {c.strictlyNecessary.hours !== null && c.strictlyNecessary.ciLow !== null && (
              <dd className="dv-stat__note">
                95% interval {formatNumber(c.strictlyNecessary.ciLow, 1)} to{' '}
                {formatNumber(c.strictlyNecessary.ciHigh, 1)} hours
              </dd>
            )}
            {c.strictlyNecessary.targetRate !== null && (
              <dd className="dv-stat__note">
                to reach a {formatPercent(c.strictlyNecessary.targetRate)} chance of a positive outcome
              </dd>
            )}
          </div>
        )}
        {c.escape && (
          <div className="dv-stat">
            <dt className="dv-stat__label">Crossed the escape threshold</dt>
            <dd className="dv-stat__value">{formatNumber(c.escape.count)}</dd>
            <dd className="dv-stat__note">of {formatCount(c.escape.n, 'case')}</dd>
          </div>
        )}
      </dl>
      {c.note && <p className="govuk-body">{c.note}</p>}
      {c.strictlyNecessary && (
        <p className="govuk-body-s dv-muted">
          Relationship time for a typical result (“strictly necessary” time): from the estimate that allows for case
          mix, the time with the client at which this category’s predicted chance of a positive outcome reaches your
          typical case’s ({formatCount(c.strictlyNecessary.n, 'case')} in the model). It counts time with the client
          only; the hours a fee pays for cover all work on the case. Association, not proof that more time would cause
          it.
          {c.strictlyNecessary.note && <> {c.strictlyNecessary.note}</>}
        </p>
      )}
      {c.withinFee && c.beyondFee && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            Positive outcomes either side of the fee line
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Cases
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Number
              </th>
              <th scope="col" className="govuk-table__header dv-bar-cell">
                Positive outcome (95% interval)
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                Within the hours the fee pays for
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(c.withinFee.cases)}</td>
              <td className="govuk-table__cell dv-bar-cell">
                <RateCell figure={c.withinFee.positiveOutcome} />
              </td>
            </tr>
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                Beyond them
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(c.beyondFee.cases)}</td>
              <td className="govuk-table__cell dv-bar-cell">
                <RateCell figure={c.beyondFee.positiveOutcome} />
              </td>
            </tr>
          </tbody>
        </table>
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Hours taken by {c.label.toLowerCase()} cases</span>
        </summary>
        <div className="govuk-details__text">
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Number of cases by hours taken</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Hours
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Cases
                </th>
                <th scope="col" className="govuk-table__header dv-bar-cell">
                  <span className="govuk-visually-hidden">Share</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {c.hours.buckets.map((b) => (
                <tr key={b.fromHours} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
                    {b.toHours == null ? `${b.fromHours} or more` : `${b.fromHours} to ${b.toHours}`}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(b.n)}</td>
                  <td className="govuk-table__cell dv-bar-cell">
                    <span
                      className="dv-histogram"
                      style={{ width: `${(b.n / maxBucket) * 100}%` }}
                      aria-hidden="true"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="govuk-body-s">
            Fees that applied (by the date each case opened):{' '}
            {c.feesApplied
              .map(
                (f) =>
                  `${formatGbp(f.fixedFeeGbp)} from ${formatDate(f.effectiveFrom)} (${formatCount(f.cases, 'case')})`,
              )
              .join('; ') || 'none'}
            . Source: {fee?.source ?? 'not given'}.
          </p>
        </div>
      </details>
    </section>
  );
}
