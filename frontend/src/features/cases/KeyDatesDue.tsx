/**
 * "Overdue" and "Due this week" on My cases: open key dates and tasks that are yours (assigned to
 * you, or on cases you lead with no one assigned), or everyone's in the organisation — the
 * manager's view of every overdue key date.
 */
import { KEY_DATE_KIND_LABELS, type KeyDateListItem } from '@deepvalue/shared';
import { Link } from 'react-router';
import { formatCount, formatDate } from '../../app/format';
import { QueryState } from '../../ui/QueryState';
import { useDueKeyDates } from './keyDates';

export function KeyDatesDue({ mine }: { mine: boolean }) {
  const overdue = useDueKeyDates('overdue', mine);
  const week = useDueKeyDates('week', mine);
  return (
    <>
      <QueryState query={overdue} what="Overdue key dates">
        {(page) => (
          <DueList
            title={`Overdue (${formatCount(page.total, 'key date')})`}
            items={page.items}
            empty="Nothing overdue."
            showAdviser={!mine}
          />
        )}
      </QueryState>
      <QueryState query={week} what="Key dates due this week">
        {(page) => (
          <DueList
            title={`Due this week (${formatCount(page.total, 'key date')})`}
            items={page.items}
            empty="Nothing due in the next seven days."
            showAdviser={!mine}
          />
        )}
      </QueryState>
    </>
  );
}

function DueList({
  title,
  items,
  empty,
  showAdviser,
}: {
  title: string;
  items: KeyDateListItem[];
  empty: string;
  showAdviser: boolean;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">{title}</h2>
      {items.length === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <ul className="govuk-list dv-result-list">
          {items.map((k) => (
            <li key={k.id}>
              <span className="govuk-!-font-weight-bold">{formatDate(k.dueOn)}</span>: {k.title}{' '}
              <span className="dv-muted">({KEY_DATE_KIND_LABELS[k.kind]})</span> —{' '}
              <Link className="govuk-link" to={`/cases/${k.caseId}`}>
                {k.clientName} {k.caseRef}
              </Link>
              {showAdviser && <span className="dv-muted"> · {k.assigneeName ?? k.leadAdviserName}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
