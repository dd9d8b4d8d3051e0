import { formatNumber, formatPercent } from '../../app/format';
import type { Coverage } from '@deepvalue/shared';
import type { ReactNode } from 'react';
import type { RateFigure } from './types';

/** "68% (56% to 79%)" with a small interval bar drawn in CSS, readable without the chart. */
export function RateCell({ figure }: { figure: RateFigure }) {
  if (figure.rate === null) return <span className="dv-muted">No cases</span>;
  return (
    <>
      <span className="govuk-!-font-weight-bold">{formatPercent(figure.rate)}</span>{' '}
      {figure.ciLow !== null && figure.ciHigh !== null && (
        <span className="dv-muted dv-nowrap">
          ({formatPercent(figure.ciLow)} to {formatPercent(figure.ciHigh)})
        </span>
      )}
      {figure.ciLow !== null && figure.ciHigh !== null && (
        <span className="dv-bar dv-block" aria-hidden="true">
          <span
            className="dv-bar__interval"
            style={{ left: `${figure.ciLow * 100}%`, width: `${(figure.ciHigh - figure.ciLow) * 100}%` }}
          />
          <span className="dv-bar__point" style={{ left: `${figure.rate * 100}%` }} />
        </span>
      )}
      {figure.small && <span className="dv-muted dv-block">Few cases: read with care</span>}
    </>
  );
}

/** Beside n: how many in scope do not record the thing (unknown is not negative), and the share that do. */
export function NotRecorded({ figure }: { figure: Coverage }) {
  return (
    <>
      {formatNumber(figure.unknown)}
      {figure.coverage !== null && figure.unknown > 0 && (
        <span className="dv-block dv-muted">{formatPercent(figure.coverage)} recorded</span>
      )}
    </>
  );
}

/** Under a report's heading: how many cases were left out of n because the thing is not recorded. */
export function UnknownLine({ unknown, coverage }: Coverage) {
  if (unknown === 0) return null;
  return (
    <p className="govuk-body">
      Not recorded for {formatNumber(unknown)} more, left out of n (unknown is not negative)
      {coverage !== null && <>: recorded for {formatPercent(coverage)} of those in scope</>}.
    </p>
  );
}

/**
 * The column heads of a table of one rate by group or period: the group, n, how many do not record
 * the thing (unless withUnknown is false), how many have the outcome, and the rate with its interval
 * (each row: NotRecorded, RateCell).
 */
export function RateTableHead({ first, withUnknown = true }: { first: ReactNode; withUnknown?: boolean }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">
          {first}
        </th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">
          Cases (n)
        </th>
        {withUnknown && (
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Not recorded
          </th>
        )}
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">
          With the outcome
        </th>
        <th scope="col" className="govuk-table__header dv-bar-cell">
          Rate (95% interval)
        </th>
      </tr>
    </thead>
  );
}
