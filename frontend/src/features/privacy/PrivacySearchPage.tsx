import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { TextInput } from '../../ui/TextInput';
import { AdminBreadcrumbs } from '../admin/AdminBreadcrumbs';
import { useClients } from '../cases/api';
import { ClientResultList } from '../cases/ClientResultList';

/** Finds the client a subject access request or an erasure is about. */
export function PrivacySearchPage() {
  usePageTitle('Subject access and erasure');
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  const clients = useClients(q, q.length > 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  return (
    <>
      <AdminBreadcrumbs />
      <h1 className="govuk-heading-l">Subject access and erasure</h1>
      <p className="govuk-body">
        Find the client, see everything held about them, then export it for a subject access request or erase their
        personal details.
      </p>
      <form role="search" onSubmit={submit}>
        <div className="dv-search__row dv-search__row--bottom">
          <TextInput
            id="privacy-q"
            label="Client’s name, reference, date of birth or postcode district"
            type="search"
            width={20}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="govuk-button dv-inline-button">
            Find
          </button>
        </div>
      </form>
      {q && (
        <QueryState query={clients} what="Clients">
          {(page) =>
            page.items.length ? (
              <ClientResultList
                clients={page.items}
                linkTo={(client) => `/admin/privacy/${client.id}`}
                label="Clients found"
              />
            ) : (
              <p className="govuk-body">No clients match “{q}”.</p>
            )
          }
        </QueryState>
      )}
    </>
  );
}
