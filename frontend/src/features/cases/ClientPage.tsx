import { labelOf } from '@deepvalue/shared';
import { Link, useParams } from 'react-router';
import { FlashBanner } from '../../app/flash';
import { clientName, formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { SummaryList } from '../../ui/SummaryList';
import { useClient, useClientCases } from './api';
import { CaseTable } from './CaseTable';
import { ContactSafetyPanel } from './ContactSafetyPanel';
import { EqualityRow } from '../legal-aid/LegalAidPanel';
import type { Client } from '@deepvalue/shared';

export function ClientPage() {
  const { clientId = '' } = useParams();
  const query = useClient(clientId);
  usePageTitle(query.data ? clientName(query.data) : 'Client');
  return (
    <>
      <FlashBanner />
      <QueryState query={query} what="The client">
        {(client) => (
          <>
            <span className="govuk-caption-l">Client{client.ref ? ` · ${client.ref}` : ''}</span>
            <h1 className="govuk-heading-l">{clientName(client)}</h1>
            <div className="govuk-button-group">
              <Link className="govuk-button" to={`/intake/case?client=${client.id}`}>
                Open a new case for this client
              </Link>
              <Link className="govuk-link" to={`/clients/${client.id}/edit`}>
                Change client details
              </Link>
            </div>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-two-thirds">
                <h2 className="govuk-heading-m">Contact safety</h2>
                <ContactSafetyPanel safety={client.contactSafety} clientId={client.id} />
                <SummaryList
                  rows={[
                    { key: 'Date of birth', value: formatDate(client.dateOfBirth) || 'Not recorded' },
                    { key: 'Postcode district', value: client.postcodeDistrict ?? 'Not recorded' },
                    { key: 'Email', value: client.email || 'Not recorded' },
                    { key: 'Phone', value: client.phone || 'Not recorded' },
                    {
                      key: 'Vulnerabilities',
                      value: client.vulnerabilities.length
                        ? client.vulnerabilities.map(labelOf).join(', ')
                        : 'None recorded',
                    },
                    {
                      key: 'Consent to anonymised use in evidence',
                      value: client.evidenceConsent ? 'Yes' : 'No',
                    },
                    {
                      key: 'Equality monitoring',
                      value: <EqualityRow clientId={client.id} equality={client.equality} />,
                    },
                  ]}
                />
              </div>
            </div>
            <ClientCases client={client} />
          </>
        )}
      </QueryState>
    </>
  );
}

function ClientCases({ client }: { client: Client }) {
  const cases = useClientCases(client);
  return (
    <QueryState query={cases} what="The client’s cases">
      {(list) =>
        list.length ? (
          <CaseTable caption="Cases" cases={list} showAdviser />
        ) : (
          <p className="govuk-body">No cases yet.</p>
        )
      }
    </QueryState>
  );
}
