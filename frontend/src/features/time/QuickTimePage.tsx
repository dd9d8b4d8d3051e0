import { labelOf } from '@deepvalue/shared';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { flash } from '../../app/flash';
import { clientName } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { BackLink } from '../../ui/BackLink';
import { Banner } from '../../ui/Banner';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { useCase, useCases, useRefreshCase } from '../cases/api';
import { CaseHeading } from '../cases/CaseHeading';
import { QuickTimeForm } from './QuickTimeForm';

/**
 * Record time for one case (from the case page or "My cases"), or choose the case first
 * (from the menu). The minutes box has the focus as soon as the page opens.
 */
export function QuickTimePage() {
  const { caseId } = useParams();
  usePageTitle('Record time');
  return caseId ? <ForCase caseId={caseId} /> : <ChooseCase />;
}

function ForCase({ caseId }: { caseId: string }) {
  const [params] = useSearchParams();
  const back = safeBack(params.get('back')) ?? `/cases/${caseId}`;
  const navigate = useNavigate();
  const refresh = useRefreshCase();
  const query = useCase(caseId);
  return (
    <>
      <BackLink to={back}>Back</BackLink>
      <QueryState query={query} what="The case">
        {(c) => (
          <>
            <CaseHeading caseRecord={c} client={c.client} title="Record time" />
            <QuickTimeForm
              caseId={c.id}
              autoFocus
              onSaved={(_entry, summary) => {
                void refresh(c.id);
                navigate(back, flash(`Recorded ${summary} for ${clientName(c.client)}`));
              }}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

function ChooseCase() {
  const open = useCases({ status: 'open', mine: true, limit: 200 });
  const [caseId, setCaseId] = useState('');
  const [saved, setSaved] = useState<string>();
  const refresh = useRefreshCase();
  return (
    <>
      {saved && (
        <Banner success title="Saved" keepFocus>
          <p className="govuk-notification-banner__heading">Recorded {saved}.</p>
        </Banner>
      )}
      <h1 className="govuk-heading-l">Record time</h1>
      <QueryState query={open} what="Your open cases">
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">
              You have no open cases.{' '}
              <Link className="govuk-link" to="/intake">
                Start a new client and case
              </Link>
            </p>
          ) : (
            <>
              <Select
                id="case"
                label="Case"
                hint="Your open cases"
                emptyLabel="Choose a case"
                autoFocus
                options={page.items.map((c) => ({
                  value: c.id,
                  label: `${c.clientName} – ${labelOf(c.category)} (${c.ref})`,
                }))}
                value={caseId}
                onChange={setCaseId}
              />
              {caseId && (
                <QuickTimeForm
                  key={caseId}
                  caseId={caseId}
                  onSaved={(_entry, summary) => {
                    const chosen = page.items.find((c) => c.id === caseId);
                    setSaved(`${summary}${chosen ? ` for ${chosen.clientName}` : ''}`);
                    void refresh(caseId);
                  }}
                />
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}

/** Only same-site paths: a crafted link must not send the adviser elsewhere after saving. */
function safeBack(back: string | null): string | undefined {
  return back && back.startsWith('/') && !back.startsWith('//') ? back : undefined;
}
