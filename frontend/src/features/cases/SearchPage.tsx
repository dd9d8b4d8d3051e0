import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { TextInput } from '../../ui/TextInput';
import { useCases, useClients } from './api';
import { CaseTable } from './CaseTable';
import { ClientResultList } from './ClientResultList';

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  usePageTitle(q ? `Search results for “${q}”` : 'Search');
  const cases = useCases({ search: q, limit: 50 }, q.length > 0);
  const clients = useClients(q, q.length > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };

  return (
    <>
      <h1 className="govuk-heading-l">Search clients and cases</h1>
      <form role="search" onSubmit={submit}>
        <div className="dv-search__row dv-search__row--bottom">
          <TextInput
            id="q"
            label="Name, case reference or postcode district"
            type="search"
            width={20}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="govuk-button dv-inline-button">
            Search
          </button>
        </div>
      </form>
      {q && (
        <>
          <QueryState query={clients} what="Clients">
            {(page) => (
              <>
                <h2 className="govuk-heading-m">Clients ({page.total})</h2>
                {page.items.length ? (
                  <ClientResultList clients={page.items} linkTo={(client) => `/clients/${client.id}`} />
                ) : (
                  <p className="govuk-body">No clients match “{q}”.</p>
                )}
              </>
            )}
          </QueryState>
          <QueryState query={cases} what="Cases">
            {(page) =>
              page.items.length ? (
                <CaseTable caption={`Cases (${page.total})`} cases={page.items} showAdviser />
              ) : (
                <>
                  <h2 className="govuk-heading-m">Cases (0)</h2>
                  <p className="govuk-body">No cases match “{q}”.</p>
                </>
              )
            }
          </QueryState>
        </>
      )}
    </>
  );
}
