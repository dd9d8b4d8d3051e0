import { BANDS, labelOf, MEASURES } from '@deepvalue/shared';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate, formatMinutes, formatNumber, formatCount } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { useDrillDown } from './api';
import { filtersFrom, toQuery } from './filters';
import { FilterSummary } from './FilterSummary';

const PAGE = 50;

/** The cases behind a figure on a report (managers only; every view is audited). */
export function DrillDownPage() {
  const [params] = useSearchParams();
  const filters = filtersFrom(params);
  const measure = params.get('measure') ?? 'positive_outcome';
  const band = params.get('band') ?? undefined;
  const outcome = params.get('outcome') === 'success' ? 'success' : 'eligible';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const navigate = useNavigate();
  const query = useDrillDown(toQuery(filters, { measure, band, outcome, limit: PAGE, offset }));
  usePageTitle('Cases behind the figure');
  const measureLabel = MEASURES[measure as keyof typeof MEASURES]?.label ?? labelOf(measure);
  const bandLabel = band !== undefined ? BANDS[Number(band)]?.label : undefined;
  const back = `/reports/time-vs-outcome${toQuery(filters, { measure })}`;
  const pageLink = (at: number) =>
    `/reports/cases${toQuery(filters, { measure, band, outcome, offset: at || undefined })}`;

  return (
    <>
      <a
        href={back}
        className="govuk-back-link"
        onClick={(event) => {
          // Back to the report the user came from (time against outcome, a breakdown …) with its filters.
          if (window.history.state?.idx > 0) {
            event.preventDefault();
            navigate(-1);
          }
        }}
      >
        Back to the report
      </a>
      <span className="govuk-caption-l">Reports · {measureLabel}</span>
      <h1 className="govuk-heading-l">Cases behind the figure</h1>
      <p className="govuk-body-l">
        {outcome === 'success'
          ? `Cases with the outcome (${measureLabel.toLowerCase()})`
          : `All cases counted for ${measureLabel.toLowerCase()}`}
        {bandLabel ? `, with ${bandLabel} of relationship time` : ''}.
      </p>
      <FilterSummary filters={filters} />
      <QueryState query={query} what="The cases">
        {(page) => (
          <>
            <p className="govuk-body">
              {page.total === 0
                ? 'No cases.'
                : `Showing ${formatNumber(page.offset + 1)} to ${formatNumber(page.offset + page.items.length)} of ${formatCount(page.total, 'case')}.`}
            </p>
            <div className="dv-table-scroll">
              <table className="govuk-table">
                <caption className="govuk-visually-hidden">Cases behind the figure</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Case
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Category
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Closed
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      Relationship time
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Lead adviser
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((c) => (
                    <tr key={c.id} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/cases/${c.id}`}>
                          {c.ref}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">{labelOf(c.category)}</td>
                      <td className="govuk-table__cell">{formatDate(c.closedOn)}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">
                        {formatMinutes(c.relationshipMinutes) || '0 min'}
                      </td>
                      <td className="govuk-table__cell">{c.leadAdviserName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {page.total > PAGE && (
              <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of cases">
                {page.offset > 0 && (
                  <div className="govuk-pagination__prev">
                    <Link
                      className="govuk-link govuk-pagination__link"
                      to={pageLink(Math.max(0, page.offset - PAGE))}
                      rel="prev"
                    >
                      <span className="govuk-pagination__link-title">Previous page</span>
                    </Link>
                  </div>
                )}
                {page.offset + page.items.length < page.total && (
                  <div className="govuk-pagination__next">
                    <Link className="govuk-link govuk-pagination__link" to={pageLink(page.offset + PAGE)} rel="next">
                      <span className="govuk-pagination__link-title">Next page</span>
                    </Link>
                  </div>
                )}
              </nav>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
