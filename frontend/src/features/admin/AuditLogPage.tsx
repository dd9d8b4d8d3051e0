import { labelOf } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { useAudit, useUsers } from './api';
import { AUDIT_ACTIONS, type AuditLogEntry } from '@deepvalue/shared';

const PAGE = 50;
const FILTERS = ['action', 'user', 'client', 'entity', 'entityId', 'from', 'to'] as const;

const ACTION_LABELS: Record<string, string> = {
  read: 'Read',
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  export: 'Exported',
  sign_in: 'Signed in',
  failed_sign_in: 'Failed sign-in',
  sign_out: 'Signed out',
  erase: 'Erased',
  import: 'Imported',
  share: 'Sharing',
  admin: 'Administration',
};

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

function query(params: URLSearchParams, extra: Record<string, string | number> = {}): string {
  const out = new URLSearchParams();
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) out.set(key, value);
  }
  for (const [k, v] of Object.entries(extra)) out.set(k, String(v));
  const text = out.toString();
  return text ? `?${text}` : '';
}

/** The append-only audit log: filters in the URL, 50 entries a page, and CSV export of the filtered log. */
export function AuditLogPage() {
  usePageTitle('Audit log');
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const audit = useAudit(query(params, { limit: PAGE, offset }));
  const users = useUsers();
  const clientFilter = params.get('client');
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])),
  );
  const apply = (event: FormEvent) => {
    event.preventDefault();
    // The client filter is set by links, not typed: keep whichever one the page now shows.
    const next = { ...draft, client: params.get('client') ?? '' };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v.trim())));
  };
  const set = (key: string) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <>
      <AdminBreadcrumbs />
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">
        Every read and change of client data, every export and every sign-in. Entries cannot be changed or deleted.
      </p>
      <form className="dv-filters" onSubmit={apply} role="search" aria-labelledby="audit-filters">
        <h2 className="govuk-heading-s" id="audit-filters">
          Filter the log
        </h2>
        <div className="dv-filters__grid">
          <Select
            id="audit-user"
            label="Who"
            emptyLabel="Anyone"
            options={(users.data ?? []).map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name} (left)` }))}
            value={draft.user}
            onChange={set('user')}
          />
          <Select
            id="audit-action"
            label="What happened"
            emptyLabel="Anything"
            options={AUDIT_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] ?? value }))}
            value={draft.action}
            onChange={set('action')}
          />
          <TextInput
            id="audit-entity"
            label="Kind of record"
            hint="For example client, case, user"
            value={draft.entity}
            onChange={(e) => set('entity')(e.target.value)}
          />
          <TextInput
            id="audit-entity-id"
            label="Record id"
            value={draft.entityId}
            spellCheck={false}
            onChange={(e) => set('entityId')(e.target.value)}
          />
          <TextInput
            id="audit-from"
            label="From"
            type="date"
            value={draft.from}
            onChange={(e) => set('from')(e.target.value)}
          />
          <TextInput
            id="audit-to"
            label="To"
            type="date"
            value={draft.to}
            onChange={(e) => set('to')(e.target.value)}
          />
        </div>
        {clientFilter && (
          <p className="govuk-body">
            Only entries about <strong>{audit.data?.names[clientFilter] ?? 'one client'}</strong> and their cases.{' '}
            <Link
              className="govuk-link"
              to={`/admin/audit${query(new URLSearchParams([...params].filter(([k]) => k !== 'client')))}`}
            >
              Show every client
            </Link>
          </p>
        )}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply filters
          </button>
          <a className="govuk-link" href={`/api/audit/export${query(params)}`} download>
            Download the filtered log (CSV)
          </a>
        </div>
      </form>
      <QueryState query={audit} what="The audit log">
        {(page) => (
          <>
            <p className="govuk-body">
              {page.total === 0
                ? 'No entries.'
                : `Entries ${formatNumber(page.offset + 1)} to ${formatNumber(page.offset + page.items.length)} of ${formatNumber(page.total)}, newest first.`}
            </p>
            <div className="dv-table-scroll">
              <table className="govuk-table">
                <caption className="govuk-visually-hidden">Audit log entries</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      When
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Who
                    </th>
                    <th scope="col" className="govuk-table__header">
                      What
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Record
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {page.items.map((entry) => (
                    <Row key={entry.id} entry={entry} names={page.names} />
                  ))}
                </tbody>
              </table>
            </div>
            {page.total > PAGE && (
              <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of the audit log">
                {page.offset > 0 && (
                  <div className="govuk-pagination__prev">
                    <Link
                      className="govuk-link govuk-pagination__link"
                      to={`/admin/audit${query(params, { offset: Math.max(0, page.offset - PAGE) })}`}
                      rel="prev"
                    >
                      <span className="govuk-pagination__link-title">Newer entries</span>
                    </Link>
                  </div>
                )}
                {page.offset + page.items.length < page.total && (
                  <div className="govuk-pagination__next">
                    <Link
                      className="govuk-link govuk-pagination__link"
                      to={`/admin/audit${query(params, { offset: page.offset + PAGE })}`}
                      rel="next"
                    >
                      <span className="govuk-pagination__link-title">Older entries</span>
                    </Link>
                  </div>
                )}
              </nav>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

/** The client or case a row is about, by name, linked to it and to the entries about that client. */
function Subject({ entry, names }: { entry: AuditLogEntry; names: Record<string, string> }) {
  const ids = entry.entityIds;
  const details = entry.details ?? {};
  const first = (value: unknown) => (Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined);
  const clientId = entry.entity === 'client' && ids.length === 1 ? ids[0] : first(details.clientIds);
  const caseId = entry.entity === 'case' && ids.length === 1 ? ids[0] : first(details.caseIds);
  const caseName = caseId ? names[caseId] : undefined;
  const label = caseName ?? (clientId ? names[clientId] : undefined);
  if (!label)
    return ids.length === 0 ? null : (
      <span className="dv-muted">{ids.length === 1 ? ids[0].slice(0, 8) : `${ids.length} records`}</span>
    );
  return (
    <>
      <Link className="govuk-link" to={caseName ? `/cases/${caseId}` : `/clients/${clientId}`}>
        {label}
      </Link>
      {ids.length > 1 && <span className="dv-block dv-muted govuk-body-s govuk-!-margin-0">{ids.length} records</span>}
      {clientId && (
        <Link className="dv-block govuk-link govuk-body-s govuk-!-margin-0" to={`/admin/audit?client=${clientId}`}>
          Entries about this client
        </Link>
      )}
    </>
  );
}

function Row({ entry, names }: { entry: AuditLogEntry; names: Record<string, string> }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell dv-nowrap">{when(entry.at)}</td>
      <td className="govuk-table__cell">
        {entry.userName ?? <span className="dv-muted">System</span>}
        {entry.ip && <span className="dv-block dv-muted govuk-body-s govuk-!-margin-0">{entry.ip}</span>}
      </td>
      <td className="govuk-table__cell">
        {ACTION_LABELS[entry.action] ?? entry.action}
        {entry.entity && !['sign_in', 'sign_out', 'failed_sign_in'].includes(entry.action)
          ? ` ${labelOf(entry.entity).toLowerCase()}`
          : ''}
        {entry.details && Object.keys(entry.details).length > 0 && (
          <details className="govuk-details govuk-!-margin-0">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Details</span>
            </summary>
            <div className="govuk-details__text">
              <pre className="dv-pre">{JSON.stringify(entry.details, null, 2)}</pre>
            </div>
          </details>
        )}
      </td>
      <td className="govuk-table__cell">
        <Subject entry={entry} names={names} />
      </td>
    </tr>
  );
}
