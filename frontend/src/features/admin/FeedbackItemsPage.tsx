import { usePageTitle } from '../../app/page-title';
import { NotAvailable } from '../../ui/NotAvailable';
import { QueryState } from '../../ui/QueryState';
import { useFeedbackItems } from '../cases/api';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';

/** The questions on the client feedback form. Listing works; changing them needs an API not built yet. */
export function FeedbackItemsPage() {
  usePageTitle('Client feedback questions');
  const items = useFeedbackItems();
  return (
    <>
      <AdminBreadcrumbs />
      <h1 className="govuk-heading-l">Client feedback questions</h1>
      <p className="govuk-body">
        Clients score each statement from 1 (strongly disagree) to 5 (strongly agree). The relationship quality index is
        the average of the answers, rescaled to 0–100.
      </p>
      <QueryState query={items} what="The feedback questions">
        {(list) => (
          <ol className="govuk-list govuk-list--number">
            {list.map((item) => (
              <li key={item.key}>
                {item.label} <span className="dv-muted">({item.key})</span>
              </li>
            ))}
          </ol>
        )}
      </QueryState>
      <NotAvailable what="Changing, adding or retiring questions" />
    </>
  );
}
