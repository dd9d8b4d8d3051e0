import { Link } from 'react-router';
import { formatNumber, formatCount } from '../../app/format';
import { useMe } from '../../app/session';
import { QueryState } from '../../ui/QueryState';
import { useBreakdown } from './api';
import { type ReportFilters, toQuery, useReportParams } from './filters';
import { canDrillInto, DIMENSION_LABELS, RATE_MEASURE_OPTIONS, rateMeasureIn } from './measure-labels';
import { NotRecorded, RateCell, RateTableHead, UnknownLine } from './RateCell';
import { ReportFiltersForm } from './ReportFiltersForm';
import { LazyRateChart, usePreloadRateChart } from './charts/LazyRateChart';
import { ReportLayout } from './ReportLayout';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from './types';

export function BreakdownsPage() {
  usePreloadRateChart();
  const me = useMe();
  const manager = me.role === 'manager';
  const { filters, params, apply } = useReportParams();
  const measure = rateMeasureIn(params);
  const dimensions = BREAKDOWN_DIMENSIONS.filter((d) => manager || (d !== 'adviser' && d !== 'office'));
  const requested = params.get('by') as BreakdownDimension | null;
  const by = requested && dimensions.includes(requested) ? requested : 'category';
  const query = useBreakdown(measure, by, filters);
  const canDrill = canDrillInto(me.role, measure);
  return (
    <ReportLayout title="Breakdowns" current="/reports/breakdowns" caveat={query.data?.caveat}>
      <ReportFiltersForm
        key={params.toString()}
        filters={filters}
        choices={[
          { key: 'measure', label: 'Measure', options: RATE_MEASURE_OPTIONS, value: measure },
          {
            key: 'by',
            label: 'Group by',
            options: dimensions.map((value) => ({ value, label: DIMENSION_LABELS[value] })),
            value: by,
          },
        ]}
        onApply={apply}
      />
      {by === 'adviser' && (
        <div className="govuk-inset-text">
          Per adviser figures are for supervision conversations, not a league table: advisers take different cases, and
          small numbers move a lot. Groups are in a fixed order, never ranked.
        </div>
      )}
      <QueryState query={query} what="The breakdown">
        {(report) => (
          <>
            <h2 className="govuk-heading-m">
              {report.label} by {DIMENSION_LABELS[by].toLowerCase()}{' '}
              <span className="govuk-caption-m">{formatCount(report.n, 'case')}</span>
            </h2>
            <p className="govuk-body dv-muted">{report.definition}</p>
            {report.note && <p className="govuk-body">{report.note}</p>}
            <UnknownLine unknown={report.unknown} coverage={report.coverage} />
            <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6">
              <figcaption className="govuk-heading-s">
                {report.label} in each group, with 95% intervals (figures in the table below)
              </figcaption>
              <LazyRateChart points={report.groups} />
            </figure>
            <div className="dv-table-scroll">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">
                  {report.label} by {DIMENSION_LABELS[by].toLowerCase()}
                </caption>
                <RateTableHead first={DIMENSION_LABELS[by]} />
                <tbody className="govuk-table__body">
                  {report.groups.map((g) => {
                    const drill = (outcome: 'eligible' | 'success') =>
                      `/reports/cases${toQuery({ ...filters, [by]: g.key } as ReportFilters, { measure, outcome })}`;
                    const linkable = canDrill && g.key !== 'none';
                    return (
                      <tr key={g.key} className="govuk-table__row">
                        <th scope="row" className="govuk-table__header">
                          {g.label}
                        </th>
                        <td className="govuk-table__cell govuk-table__cell--numeric">
                          {linkable && g.n > 0 ? (
                            <Link className="govuk-link" to={drill('eligible')}>
                              {formatNumber(g.n)}
                              <span className="govuk-visually-hidden"> cases, {g.label}</span>
                            </Link>
                          ) : (
                            formatNumber(g.n)
                          )}
                        </td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">
                          <NotRecorded figure={g} />
                        </td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">
                          {linkable && g.count > 0 ? (
                            <Link className="govuk-link" to={drill('success')}>
                              {formatNumber(g.count)}
                              <span className="govuk-visually-hidden"> cases with the outcome, {g.label}</span>
                            </Link>
                          ) : (
                            formatNumber(g.count)
                          )}
                        </td>
                        <td className="govuk-table__cell dv-bar-cell">
                          <RateCell figure={g} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
    </ReportLayout>
  );
}
