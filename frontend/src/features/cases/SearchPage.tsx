import type { NoteSearchItem } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { TextInput } from '../../ui/TextInput';
import { useCases, useClients, useNoteSearch } from './api';
import { CaseTable } from './CaseTable';
import { ClientResultList } from './ClientResultList';

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  usePageTitle(q ? `Search results for “${q}”` : 'Search');
  const cases = useCases({ search: q, limit: 50 }, q.length > 0);
  const clients = useClients(q, q.length > 0);
  const notes = useNoteSearch(q, q.length > 0);

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
            hint="Notes are searched for the words too"
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
          <QueryState query={notes} what="Notes">
            {(page) => (
              <>
                <h2 className="govuk-heading-m">
                  Notes containing “{q}” ({page.total})
                </h2>
                {page.items.length ? (
                  <ul className="govuk-list dv-result-list">
                    {page.items.map((n) => (
                      <li key={n.id}>
                        <NoteResult note={n} words={q} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="govuk-body">No notes contain “{q}”.</p>
                )}
              </>
            )}
          </QueryState>
        </>
      )}
    </>
  );
}

/** The note's case and date, and the words around the first place it says what was searched for. */
function NoteResult({ note, words }: { note: NoteSearchItem; words: string }) {
  const at = note.body.toLowerCase().indexOf(words.toLowerCase());
  const start = Math.max(0, at - 80);
  const excerpt = `${start > 0 ? '…' : ''}${note.body.slice(start, Math.max(at, 0) + words.length + 120).trim()}${
    at + words.length + 120 < note.body.length ? '…' : ''
  }`;
  return (
    <>
      <Link className="govuk-link" to={`/cases/${note.caseId}`}>
        {note.caseRef}
      </Link>{' '}
      · {note.kind === 'attendance' ? 'Attendance note' : 'File note'}, {formatDate(note.on)}, by {note.authorName}
      <span className="dv-block govuk-body-s govuk-!-margin-0">{excerpt}</span>
    </>
  );
}
