import { labelOf, subcategoryLabel } from '@deepvalue/shared';
import { Link } from 'react-router';
import { addMonths, formatDate } from '../../app/format';
import type { CaseListItem } from '@deepvalue/shared';

interface Props {
  caption: string;
  cases: CaseListItem[];
  /** Show "Record time" links (open cases) and/or the follow-up due date. */
  recordTime?: boolean;
  followUp?: boolean;
  closed?: boolean;
  showAdviser?: boolean;
  /** Where "Record time" returns to after saving. */
  back?: string;
}

/** On a phone the rows become stacked cards, each cell labelled (data-label), rather than a table to scroll sideways. */
export function CaseTable({ caption, cases, recordTime, followUp, closed, showAdviser, back = '/cases' }: Props) {
  return (
    <div className="dv-table-scroll">
      <table className="govuk-table dv-case-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Client
            </th>
            <th scope="col" className="govuk-table__header">
              Problem
            </th>
            <th scope="col" className="govuk-table__header">
              {closed ? 'Closed' : 'Opened'}
            </th>
            {showAdviser && (
              <th scope="col" className="govuk-table__header">
                Lead adviser
              </th>
            )}
            {followUp && (
              <th scope="col" className="govuk-table__header">
                Follow-up due
              </th>
            )}
            {(recordTime || followUp) && (
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {cases.map((c) => {
            const name = c.clientName;
            return (
              <tr key={c.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/cases/${c.id}`}>
                    {name}
                  </Link>
                  <span className="dv-muted dv-block">{c.ref}</span>
                </td>
                <td className="govuk-table__cell" data-label="Problem">
                  {labelOf(c.category)}
                  {c.subcategory && <span className="dv-muted dv-block">{subcategoryLabel(c.subcategory)}</span>}
                </td>
                <td className="govuk-table__cell" data-label={closed ? 'Closed' : 'Opened'}>
                  {formatDate(closed ? c.closedOn : c.openedOn)}
                </td>
                {showAdviser && (
                  <td className="govuk-table__cell" data-label="Lead adviser">
                    {c.leadAdviserName ?? ''}
                  </td>
                )}
                {followUp && (
                  <td className="govuk-table__cell" data-label="Follow-up due">
                    {c.closedOn ? formatDate(addMonths(c.closedOn, 6)) : ''}
                  </td>
                )}
                {(recordTime || followUp) && (
                  <td className="govuk-table__cell dv-nowrap">
                    {recordTime && (
                      <Link className="govuk-link" to={`/cases/${c.id}/time?back=${encodeURIComponent(back)}`}>
                        Record time<span className="govuk-visually-hidden"> for {name}</span>
                      </Link>
                    )}
                    {followUp && (
                      <Link className="govuk-link" to={`/cases/${c.id}/follow-ups/new`}>
                        Record follow-up<span className="govuk-visually-hidden"> for {name}</span>
                      </Link>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
