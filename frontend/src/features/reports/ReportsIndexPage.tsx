import { labelOf } from '@deepvalue/shared';
import { Link } from 'react-router';
import { formatMinutes, formatNumber, formatPercent, formatCount } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { useMeasures } from './api';
import { useReportParams } from './filters';
import { MeasureDetails } from './MeasureDetails';
import { RateCell } from './RateCell';
import { ReportFiltersForm } from './ReportFiltersForm';
import type { MeasureFigure } from './types';

const REPORTS = [
  {
    to: '/reports/time-vs-outcome',
    title: 'Time against outcome',
    text: 'Each outcome by band of relationship time, with the estimate allowing for case mix.',
  },
  {
    to: '/reports/chain',
    title: 'Relationship chain',
    text: 'Does time build trust, trust bring out the whole story, understanding bring acceptance? Each step in your records.',
  },
  {
    to: '/reports/fixed-fee',
    title: 'Fixed fee against need',
    text: 'The hours a fixed fee pays for beside the hours cases took, and the outcomes either side of the line.',
  },
  { to: '/reports/trends', title: 'Trends', text: 'A rate by month or quarter of closing.' },
  {
    to: '/reports/breakdowns',
    title: 'Breakdowns',
    text: 'A rate by category, office, funding, vulnerability, arrival or adviser (for supervision, not a league table).',
  },
  {
    to: '/reports/contract',
    title: 'Legal aid contract report',
    text: "The month's completed and new legal aid matters as the LAA's bulk-load CSV, with what to fix first.",
  },
  {
    to: '/evidence',
    title: 'Evidence pack',
    text: 'Anonymised figures, value in £ and method for funders: preview, then download XLSX, PDF or CSV.',
  },
];

export function ReportsIndexPage() {
  usePageTitle('Reports');
  const { filters, params, apply } = useReportParams();
  const measures = useMeasures(filters);
  return (
    <>
      <h1 className="govuk-heading-l">Reports</h1>
      <ul className="govuk-list dv-card-list">
        {REPORTS.map((r) => (
          <li key={r.to} className="dv-card">
            <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={r.to}>
                {r.title}
              </Link>
            </h2>
            <p className="govuk-body-s govuk-!-margin-bottom-0">{r.text}</p>
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-l govuk-!-margin-top-6">All measures</h2>
      <ReportFiltersForm key={params.toString()} filters={filters} onApply={apply} />
      <QueryState query={measures} what="The measures">
        {(summary) => (
          <>
            <p className="govuk-body">
              {formatCount(summary.n, 'closed case')}. Every figure says how many cases it rests on.
            </p>
            <div className="dv-table-scroll">
              <table className="govuk-table">
                <caption className="govuk-visually-hidden">Measures over the filtered closed cases</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Measure
                    </th>
                    <th scope="col" className="govuk-table__header dv-bar-cell">
                      Figure
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      Rests on
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {summary.measures.map((m) => (
                    <tr key={m.key} className="govuk-table__row">
                      <th scope="row" className="govuk-table__header">
                        {m.label}
                        <span className="dv-block govuk-body-s dv-muted govuk-!-margin-0 govuk-!-font-weight-regular">
                          {m.definition}
                        </span>
                      </th>
                      <td className="govuk-table__cell dv-bar-cell">
                        <Figure m={m} />
                      </td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">
                        {formatCount(
                          m.n,
                          m.kind === 'rate' && m.unit === 'referrals'
                            ? 'referral'
                            : 'of' in m && m.of === 'problems'
                              ? 'problem'
                              : 'case',
                        )}
                        {'unknown' in m && m.unknown !== undefined && m.unknown > 0 && (
                          <span className="dv-block dv-muted">{formatNumber(m.unknown)} not recorded, left out</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="govuk-inset-text">{summary.caveat}</div>
          </>
        )}
      </QueryState>
      <MeasureDetails filters={filters} />
    </>
  );
}

function Figure({ m }: { m: MeasureFigure }) {
  switch (m.kind) {
    case 'rate':
      return <RateCell figure={m} />;
    case 'mean': {
      if (m.value === null) return <span className="dv-muted">No cases</span>;
      const value =
        m.unit === 'minutes'
          ? formatMinutes(m.value)
          : m.unit === 'share'
            ? formatPercent(m.value)
            : formatNumber(m.value, m.unit === 'problems' || m.key !== 'rqi' ? 2 : 0);
      const median =
        m.median == null
          ? ''
          : m.unit === 'minutes'
            ? formatMinutes(m.median)
            : m.unit === 'share'
              ? formatPercent(m.median)
              : formatNumber(m.median, 1);
      const interval =
        m.ciLow == null || m.ciHigh == null
          ? ''
          : m.unit === 'minutes'
            ? `${formatMinutes(m.ciLow)} to ${formatMinutes(m.ciHigh)}`
            : `${formatNumber(m.ciLow, 2)} to ${formatNumber(m.ciHigh, 2)}`;
      return (
        <>
          <span className="govuk-!-font-weight-bold">{value}</span> <span className="dv-muted">average</span>
          {interval && <span className="dv-muted dv-nowrap"> ({interval})</span>}
          {median && <span className="dv-block dv-muted">median {median}</span>}
        </>
      );
    }
    case 'median':
      return m.value === null ? (
        <span className="dv-muted">No cases</span>
      ) : (
        <>
          <span className="govuk-!-font-weight-bold">{formatNumber(m.value, 1)} days</span>{' '}
          <span className="dv-muted">median</span>
          {m.seenWithin?.map((s) => (
            <span key={s.workingDays} className="dv-block">
              Seen within {s.workingDays} working days: {formatPercent(s.rate)}{' '}
              <span className="dv-muted">
                ({formatNumber(s.count)} of {formatNumber(s.n)})
              </span>
            </span>
          ))}
        </>
      );
    case 'distribution':
      return (
        <ul className="govuk-list govuk-!-margin-0">
          {m.groups.map((g) => (
            <li key={g.value}>
              {labelOf(g.value)}: {formatPercent(g.share)} <span className="dv-muted">({formatNumber(g.count)})</span>
              {g.ciLow != null && g.ciHigh != null && (
                <span className="dv-muted dv-nowrap">
                  {' '}
                  {formatPercent(g.ciLow)} to {formatPercent(g.ciHigh)}
                </span>
              )}
            </li>
          ))}
          {m.unknown > 0 && <li className="dv-muted">Not recorded: {formatNumber(m.unknown)}</li>}
        </ul>
      );
  }
}
