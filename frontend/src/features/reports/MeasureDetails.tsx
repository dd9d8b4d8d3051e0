import { formatNumber, formatPercent } from '../../app/format';
import { QueryState } from '../../ui/QueryState';
import { useMeasureDetails } from './api';
import type { ReportFilters } from './filters';
import type { DetailFigure, DetailTable } from './types';

/** The measures in detail under the summary: by band of relationship time, and side by side. */
export function MeasureDetails({ filters }: { filters: ReportFilters }) {
  const query = useMeasureDetails(filters);
  return (
    <>
      <h2 className="govuk-heading-l govuk-!-margin-top-6">Measures in detail</h2>
      <p className="govuk-body">
        Each cell gives the figure, its 95% interval and how many cases it rests on. A case counts only where both
        things are recorded; the last column says how many closed cases were left out for that.
      </p>
      <QueryState query={query} what="The measures in detail">
        {(summary) => (
          <>
            {(summary.details ?? []).map((table) => (
              <DetailTableView key={table.key} table={table} />
            ))}
          </>
        )}
      </QueryState>
    </>
  );
}

function DetailTableView({ table }: { table: DetailTable }) {
  return (
    // A wide table scrolls sideways: the region takes the keyboard focus so it can be scrolled without a mouse.
    <div className="dv-table-scroll govuk-!-margin-bottom-6" role="region" aria-label={table.title} tabIndex={0}>
      <table className="govuk-table dv-detail-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {table.title}
          <span className="dv-block govuk-body-s dv-muted govuk-!-margin-0 govuk-!-font-weight-regular">
            Columns: {table.columnsAre}.{table.note && ` ${table.note}`}
          </span>
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Measure
            </th>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className="govuk-table__header govuk-table__header--numeric">
                {c.label}
              </th>
            ))}
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Not recorded
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {table.rows.map((row) => (
            <tr key={row.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header" title={row.definition}>
                {row.label}
              </th>
              {row.figures.map((f, i) => (
                <td key={table.columns[i].key} className="govuk-table__cell govuk-table__cell--numeric">
                  <Cell figure={f} percent={row.key.startsWith('times_told') || f.kind === 'rate'} />
                </td>
              ))}
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(row.unknown)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ figure, percent }: { figure: DetailFigure; percent: boolean }) {
  const value = figure.kind === 'rate' ? figure.rate : figure.value;
  if (value === null) return <span className="dv-muted">No cases</span>;
  const show = (x: number) => (percent ? formatPercent(x) : formatNumber(x, figure.kind === 'median' ? 1 : 2));
  return (
    <>
      <span className="govuk-!-font-weight-bold">{show(value)}</span>
      {figure.ciLow !== null && figure.ciHigh !== null && (
        <span className="dv-block dv-muted dv-nowrap">
          {show(figure.ciLow)} to {show(figure.ciHigh)}
        </span>
      )}
      <span className={`dv-block dv-muted${figure.small ? ' govuk-!-font-weight-bold' : ''}`}>
        n {formatNumber(figure.n)}
        {figure.small && ', few'}
      </span>
    </>
  );
}
