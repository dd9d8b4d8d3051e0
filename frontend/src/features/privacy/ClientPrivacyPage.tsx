import type { PrivacySummary } from '@deepvalue/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FlashBanner } from '../../app/flash';
import { formatDate, formatNumber } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { SummaryList } from '../../ui/SummaryList';
import { AdminBreadcrumbs } from '../admin/AdminBreadcrumbs';
import { usePrivacySummary } from './api';
import { FATE_LABELS, privacyName, RECORD_LABELS } from './labels';

/** What is held about one client; the subject access export behind a check of who asked; the way to erasure. */
export function ClientPrivacyPage() {
  const { clientId = '' } = useParams();
  const summary = usePrivacySummary(clientId);
  usePageTitle('Subject access and erasure for a client');
  return (
    <>
      <AdminBreadcrumbs trail={[{ to: '/admin/privacy', label: 'Subject access and erasure' }]} />
      <FlashBanner />
      <QueryState query={summary} what="The client">
        {(s) => <ClientPrivacy summary={s} />}
      </QueryState>
    </>
  );
}

function ClientPrivacy({ summary }: { summary: PrivacySummary }) {
  const { client, cases, records } = summary;
  const [checked, setChecked] = useState(false);
  const held = records.filter((r) => r.count > 0);
  return (
    <>
      <span className="govuk-caption-l">{client.ref}</span>
      <h1 className="govuk-heading-l">{privacyName(client)}</h1>
      <SummaryList
        rows={[
          { key: 'Date of birth', value: client.dateOfBirth ? formatDate(client.dateOfBirth) : 'Not held' },
          { key: 'Postcode district', value: client.postcodeDistrict ?? 'Not held' },
          {
            key: 'Cases',
            value: cases.length
              ? cases.map((c) => (
                  <span key={c.id} className="dv-block">
                    <Link className="govuk-link" to={`/cases/${c.id}`}>
                      {c.ref}
                    </Link>{' '}
                    opened {formatDate(c.openedOn)}
                    {c.closedOn ? `, closed ${formatDate(c.closedOn)}` : ''}
                  </span>
                ))
              : 'None',
          },
          ...(client.erasedAt ? [{ key: 'Erased', value: formatDate(client.erasedAt.slice(0, 10)) }] : []),
        ]}
      />
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Records held on their cases</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Kind of record
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Held
            </th>
            <th scope="col" className="govuk-table__header">
              On erasure
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {held.map((r) => (
            <tr key={r.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {RECORD_LABELS[r.key] ?? r.key}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(r.count)}</td>
              <td className="govuk-table__cell">{FATE_LABELS[r.onErasure]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {held.length === 0 && <p className="govuk-body">No records on their cases.</p>}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/admin/audit?client=${client.id}`}>
          Audit log entries about this client and their cases
        </Link>
      </p>

      <h2 className="govuk-heading-m">Subject access request</h2>
      <p className="govuk-body">
        The export holds the client’s details, every record above and every audit log entry about them. Making it is
        recorded in the audit log.
      </p>
      <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id="identity-checked"
            type="checkbox"
            checked={checked}
            onChange={(e) => setChecked(e.target.checked)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor="identity-checked">
            I have checked that the request comes from the client, or from someone with their written authority
          </label>
        </div>
      </div>
      {checked ? (
        <div className="govuk-button-group">
          <a
            className="govuk-button"
            href={`/api/clients/${client.id}/subject-access.html`}
            target="_blank"
            rel="noreferrer"
          >
            Open the printable export
          </a>
          <a className="govuk-link" href={`/api/clients/${client.id}/subject-access`} download={`${client.ref}.json`}>
            Download it as JSON
          </a>
        </div>
      ) : (
        <p className="govuk-body dv-muted">Tick the box to make the export.</p>
      )}

      <h2 className="govuk-heading-m">Erasure</h2>
      {client.erasedAt ? (
        <p className="govuk-body">
          This client’s personal details were erased on {formatDate(client.erasedAt.slice(0, 10))}.
        </p>
      ) : (
        <p className="govuk-body">
          <Link className="govuk-button govuk-button--warning" to={`/admin/privacy/${client.id}/erase`}>
            Erase this client
          </Link>
        </p>
      )}
    </>
  );
}
