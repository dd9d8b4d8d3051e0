import { Link } from 'react-router';
import { formatDate, formatNumber, formatCount } from '../../app/format';
import { useMe } from '../../app/session';
import { QueryState } from '../../ui/QueryState';
import { useTrends } from './api';
import { toQuery, useReportParams } from './filters';
import { canDrillInto, RATE_MEASURE_OPTIONS, rateMeasureIn } from './measure-labels';
import { NotRecorded, RateCell, RateTableHead, UnknownLine } from './RateCell';
import { ReportFiltersForm } from './ReportFiltersForm';
import { LazyRateChart, usePreloadRateChart } from './charts/LazyRateChart';
import { ReportLayout } from './ReportLayout';

export function TrendsPage() {
  usePreloadRateChart();
  const me = useMe();
  const { filters, params, apply } = useReportParams();
  const measure = rateMeasureIn(params);
  const period = params.get('period') === 'quarter' ? 'quarter' : 'month';
  const query = useTrends(measure, period, filters);
  const canDrill = canDrillInto(me.role, measure);
  return (
    <ReportLayout title="Trends" current="/reports/trends" caveat={query.data?.caveat}>
      <ReportFiltersForm
        key={params.toString()}
        filters={filters}
        choices={[
          { key: 'measure', label: 'Measure', options: RATE_MEASURE_OPTIONS, value: measure },
          {
            key: 'period',
            label: 'By',
            options: [
              { value: 'month', label: 'Month of closing' },
              { value: 'quarter', label: 'Quarter of closing' },
            ],
            value: period,
          },
        ]}
        onApply={apply}
      />
      <QueryState query={query} what="The trend">
        {(report) => (
          <>
            <h2 className="govuk-heading-m">
              {report.label} by {period} <span className="govuk-caption-m">{formatCount(report.n, 'case')}</span>
            </h2>
            <p className="govuk-body dv-muted">{report.definition}</p>
            {report.note && <p className="govuk-body">{report.note}</p>}
            <UnknownLine unknown={report.unknown} coverage={report.coverage} />
            {report.periods.length === 0 ? (
              <p className="govuk-body">No closed cases match these filters.</p>
            ) : (
              <>
                <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6">
                  <figcaption className="govuk-heading-s">
                    {report.label} in each {period}, with 95% intervals (figures in the table below)
                  </figcaption>
                  <LazyRateChart points={report.periods.map((p) => ({ ...p, label: p.period }))} />
                </figure>
                <div className="dv-table-scroll">
                  <table className="govuk-table">
                    <caption className="govuk-table__caption govuk-table__caption--s">
                      {report.label} by {period}
                    </caption>
                    <RateTableHead first={period === 'month' ? 'Month' : 'Quarter'} />
                    <tbody className="govuk-table__body">
                      {report.periods.map((p) => (
                        <tr key={p.period} className="govuk-table__row">
                          <th scope="row" className="govuk-table__header">
                            {p.period}
                            <span className="dv-block dv-muted govuk-!-font-weight-regular govuk-body-s govuk-!-margin-0">
                              {formatDate(p.from)} to {formatDate(p.to)}
                            </span>
                          </th>
                          <td className="govuk-table__cell govuk-table__cell--numeric">
                            {canDrill && p.n > 0 ? (
                              <Link
                                className="govuk-link"
                                to={`/reports/cases${toQuery({ ...filters, from: p.from, to: p.to }, { measure, outcome: 'eligible' })}`}
                              >
                                {formatNumber(p.n)}
                                <span className="govuk-visually-hidden"> cases closed in {p.period}</span>
                              </Link>
                            ) : (
                              formatNumber(p.n)
                            )}
                          </td>
                          <td className="govuk-table__cell govuk-table__cell--numeric">
                            <NotRecorded figure={p} />
                          </td>
                          <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(p.count)}</td>
                          <td className="govuk-table__cell dv-bar-cell">
                            <RateCell figure={p} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </>
        )}
      </QueryState>
    </ReportLayout>
  );
}
