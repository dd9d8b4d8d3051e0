import { Link } from 'react-router';
import { formatCount, formatGbp, formatNumber } from '../../app/format';
import { QueryState } from '../../ui/QueryState';
import { useReportParams } from '../reports/filters';
import { ReportFiltersForm } from '../reports/ReportFiltersForm';
import { usePricingReport } from './api';
import type { Figure, KindFigures, PricingGroupView, Range } from '@deepvalue/shared';

const gbp = (f: Figure) => (f === null ? '–' : typeof f === 'string' ? f : formatGbp(Math.round(f)));
const ratio = (f: Figure) => (f === null ? '–' : typeof f === 'string' ? f : `£${formatNumber(f, 2)}`);
const range = (r: Range, format: (f: Figure) => string) =>
  r.central === null ? 'Not available' : `${format(r.central)} (${format(r.low)} to ${format(r.high)})`;

export function PricingSummary() {
  const { filters, params, apply } = useReportParams();
  const report = usePricingReport(filters);
  return (
    <>
      <p className="govuk-body">
        What the casework bought, priced with your unit costs and adjusted for deadweight, attribution and drop-off.
        Each figure is shown as central (low to high). Public money saved, value to the person and money to clients are
        different kinds of value and are never added together.
      </p>
      <ReportFiltersForm key={params.toString()} filters={filters} onApply={apply} />
      <QueryState query={report} what="The value in £">
        {(r) => {
          const overall = r.groups.find((g) => g.groupBy === 'overall');
          return (
            <>
              {r.unitCosts.hourlyCostNote && (
                <div className="govuk-inset-text">
                  {r.unitCosts.hourlyCostNote}{' '}
                  <Link className="govuk-link" to="/pricing/unit-costs">
                    Enter it with the unit costs
                  </Link>
                  .
                </div>
              )}
              <p className="govuk-body-s dv-muted">
                At {r.priceYear} prices: each unit cost is uprated from its own year with the GDP deflator.
              </p>
              {overall && <KindTable group={overall} caption={`All cases (${casesOf(overall.cases)})`} />}
              <GroupTable title="By category" groups={r.groups.filter((g) => g.groupBy === 'category')} />
              <GroupTable title="By band of relationship time" groups={r.groups.filter((g) => g.groupBy === 'band')} />
              <h2 className="govuk-heading-m">Where the value comes from</h2>
              <div className="dv-table-scroll">
                <table className="govuk-table">
                  <caption className="govuk-visually-hidden">Value of each outcome</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        Outcome
                      </th>
                      <th scope="col" className="govuk-table__header">
                        Priced as
                      </th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        Cases
                      </th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        Net value, central (low to high)
                      </th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {r.lines.map((l) => (
                      <tr key={`${l.event}-${l.unitCostKey}`} className="govuk-table__row">
                        <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
                          {l.eventLabel}
                        </th>
                        <td className="govuk-table__cell">{l.unitCostLabel}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{gbpCount(l.cases)}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{range(l.net, gbp)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {r.unpriced.length > 0 && (
                <>
                  <h2 className="govuk-heading-m">Not priced</h2>
                  <ul className="govuk-list govuk-list--bullet">
                    {r.unpriced.map((u) => (
                      <li key={`${u.event}-${u.unitCostKey}`}>
                        {u.eventLabel} ({casesOf(u.cases)}): {u.note}
                      </li>
                    ))}
                  </ul>
                  <p className="govuk-body">
                    <Link className="govuk-link" to="/pricing/unit-costs">
                      Enter your local figures
                    </Link>
                  </p>
                </>
              )}
              {r.notes.map((n, i) => (
                <div key={i} className="govuk-inset-text">
                  {n}
                </div>
              ))}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

const gbpCount = (f: Figure) => (f === null ? '–' : typeof f === 'string' ? f : formatNumber(f));
/** "1 case", "12 cases", or a suppressed figure as published ("[c] cases"). */
const casesOf = (f: Figure) => (typeof f === 'number' ? formatCount(f, 'case') : `${gbpCount(f)} cases`);

function KindTable({ group, caption }: { group: PricingGroupView; caption: string }) {
  return (
    <div className="dv-table-scroll">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Kind of value
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Net value
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Per £1 of adviser time
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Per hour of relationship time
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {group.kinds.map((k: KindFigures) => (
            <tr key={k.kind} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {k.label}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {range(k.net, gbp)}
                <LeftOut figure={k} />
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{range(k.netPerPoundSpent, ratio)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{range(k.netPerRelationshipHour, gbp)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A total that leaves out unpriced events says how many (a figure resting only on them reads "not priced"). */
function LeftOut({ figure }: { figure: KindFigures }) {
  const n = figure.eventsNotPriced;
  if (typeof n !== 'number' || n === 0 || figure.net.central === 'not priced') return null;
  return (
    <span className="govuk-body-s dv-block">
      leaves out {formatNumber(n)} {n === 1 ? 'event' : 'events'} not priced
    </span>
  );
}

function GroupTable({ title, groups }: { title: string; groups: PricingGroupView[] }) {
  if (!groups.length) return null;
  const kinds = groups[0].kinds;
  return (
    <div className="dv-table-scroll">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{title}: net value, central</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Group
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Cases
            </th>
            {kinds.map((k) => (
              <th key={k.kind} scope="col" className="govuk-table__header govuk-table__header--numeric">
                {k.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {groups.map((g) => (
            <tr key={g.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {g.label}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{gbpCount(g.cases)}</td>
              {g.kinds.map((k) => (
                <td key={k.kind} className="govuk-table__cell govuk-table__cell--numeric">
                  {gbp(k.net.central)}
                  <LeftOut figure={k} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
