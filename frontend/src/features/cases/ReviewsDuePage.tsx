import type { ReviewsDue } from '@deepvalue/shared';
/** Managers: open cases whose file has not been reviewed in the last N months. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';

const MONTHS = ['1', '2', '3', '6', '12'];

export function ReviewsDuePage() {
  usePageTitle('Files due for review');
  const [months, setMonths] = useState('3');
  const query = useQuery({
    queryKey: ['file-reviews-due', months],
    queryFn: ({ signal }) => api<ReviewsDue>(`/file-reviews/due?months=${months}`, { signal }),
  });
  return (
    <>
      <h1 className="govuk-heading-l">Files due for review</h1>
      <Select
        id="review-months"
        label="Open cases not reviewed in the last"
        options={MONTHS.map((m) => ({ value: m, label: m === '1' ? '1 month' : `${m} months` }))}
        value={months}
        onChange={setMonths}
      />
      <QueryState query={query} what="The files due for review">
        {(due) =>
          due.items.length === 0 ? (
            <p className="govuk-body">Every open case has been reviewed since {formatDate(due.before)}.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">
                {due.items.length === 1 ? '1 open case' : `${due.items.length} open cases`} last reviewed (or opened)
                before {formatDate(due.before)}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Case
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Lead adviser
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Opened
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Last reviewed
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {due.items.map((c) => (
                  <tr className="govuk-table__row" key={c.id}>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/cases/${c.id}`}>
                        {c.ref}
                      </Link>
                    </td>
                    <td className="govuk-table__cell">{c.leadAdviserName}</td>
                    <td className="govuk-table__cell">{formatDate(c.openedOn)}</td>
                    <td className="govuk-table__cell">{c.lastReviewedOn ? formatDate(c.lastReviewedOn) : 'Never'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </>
  );
}
