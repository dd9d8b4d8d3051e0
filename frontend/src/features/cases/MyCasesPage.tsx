import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FlashBanner } from '../../app/flash';
import { usePageTitle } from '../../app/page-title';
import { useMe } from '../../app/session';
import { QueryState } from '../../ui/QueryState';
import { useCases } from './api';
import { CaseTable } from './CaseTable';
import { KeyDatesDue } from './KeyDatesDue';

export function MyCasesPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const everyone = me.role !== 'adviser' && params.get('all') === '1';
  const mine = everyone ? undefined : true;
  const title = everyone ? 'All cases' : 'My cases';
  usePageTitle(title);
  const due = useCases({ dueFollowUp: true, mine });
  const open = useCases({ status: 'open', mine, limit: 200 });
  const closed = useCases({ status: 'closed', mine, limit: 10 });

  return (
    <>
      <FlashBanner />
      <div className="dv-page-header">
        <h1 className="govuk-heading-l">{title}</h1>
        <div className="govuk-button-group">
          <Link to="/intake" className="govuk-button">
            New client and case
          </Link>
          <Link to="/time/new" className="govuk-button govuk-button--secondary">
            Record time
          </Link>
        </div>
      </div>
      {me.role !== 'adviser' && (
        <p className="govuk-body">
          {everyone ? (
            <Link className="govuk-link" to="/cases">
              Show only my cases
            </Link>
          ) : (
            <Link className="govuk-link" to="/cases?all=1">
              Show everyone’s cases
            </Link>
          )}
        </p>
      )}
      <SearchBox />
      <KeyDatesDue mine={!everyone} />
      <QueryState query={open} what="Open cases">
        {(page) =>
          page.items.length ? (
            <CaseTable caption={`Open cases (${page.total})`} cases={page.items} recordTime showAdviser={everyone} />
          ) : (
            <>
              <h2 className="govuk-heading-m">Open cases</h2>
              <p className="govuk-body">
                {everyone ? 'There are no open cases.' : 'You have no open cases.'}{' '}
                <Link className="govuk-link" to="/intake">
                  Start a new client and case
                </Link>
              </p>
            </>
          )
        }
      </QueryState>
      <QueryState query={due} what="Follow-ups due">
        {(page) =>
          page.items.length > 0 ? (
            <CaseTable
              caption={`Due a follow-up (${page.total})`}
              cases={page.items}
              followUp
              closed
              showAdviser={everyone}
            />
          ) : null
        }
      </QueryState>
      <QueryState query={closed} what="Recently closed cases">
        {(page) =>
          page.items.length ? (
            <CaseTable caption="Recently closed" cases={page.items} closed showAdviser={everyone} />
          ) : null
        }
      </QueryState>
    </>
  );
}

function SearchBox() {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" onSubmit={submit} className="dv-search">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="case-search">
          Search clients and cases
        </label>
        <div id="case-search-hint" className="govuk-hint">
          Name, case reference or postcode district
        </div>
        <div className="dv-search__row">
          <input
            id="case-search"
            name="q"
            type="search"
            className="govuk-input govuk-input--width-20"
            aria-describedby="case-search-hint"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="govuk-button govuk-button--secondary dv-inline-button">
            Search
          </button>
        </div>
      </div>
    </form>
  );
}
