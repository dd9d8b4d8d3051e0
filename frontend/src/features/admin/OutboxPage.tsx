import type { MailKind, MailStatus, OutboxMessage } from '@deepvalue/shared';
import { MAIL_STATUSES } from '@deepvalue/shared';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { Tag } from '../../ui/Tag';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { useOutbox } from './api';

const PAGE = 50;

const KIND_LABELS: Record<MailKind, string> = {
  invitation: 'Invitation',
  password_reset: 'Password reset',
  key_date_reminder: 'Key-date reminder',
};

const STATUS: Record<MailStatus, { label: string; colour: 'green' | 'yellow' | 'red' | 'grey' | 'blue' }> = {
  sent: { label: 'Sent', colour: 'green' },
  queued: { label: 'Waiting', colour: 'blue' },
  sending: { label: 'Sending', colour: 'blue' },
  failed: { label: 'Not sent yet', colour: 'red' },
  held: { label: 'Held here', colour: 'yellow' },
  withdrawn: { label: 'Withdrawn: link no longer works', colour: 'grey' },
};

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** Every email Deep Value has sent or is holding, newest first; with no mail server, the place to read them. */
export function OutboxPage() {
  usePageTitle('Outbox');
  const [params] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const status = params.get('status') ?? '';
  const outbox = useOutbox(`?limit=${PAGE}&offset=${offset}${status ? `&status=${status}` : ''}`);
  const at = (next: Record<string, string | number>) => {
    const query = new URLSearchParams(
      Object.entries({ status, ...next })
        .map(([k, v]) => [k, String(v)])
        .filter(([, v]) => v !== '' && v !== '0'),
    );
    return `/admin/outbox${query.size ? `?${query}` : ''}`;
  };
  return (
    <>
      <AdminBreadcrumbs />
      <h1 className="govuk-heading-l">Outbox</h1>
      <QueryState query={outbox} what="The outbox">
        {(page) => (
          <>
            <p className="govuk-body">
              {page.smtpConfigured
                ? 'Invitations, password resets and key-date reminders go out by email. A message the mail server refused is tried again every 15 minutes, five times at most.'
                : 'No mail server is set up (SMTP_URL), so invitations, password resets and key-date reminders are held here. Pass a set-password link on by a channel you trust.'}
            </p>
            <nav aria-label="Show messages" className="govuk-body">
              {['', ...MAIL_STATUSES].map((s, i) => (
                <span key={s}>
                  {i > 0 && ' · '}
                  {s === status ? (
                    <strong>{s ? STATUS[s as MailStatus].label : 'All'}</strong>
                  ) : (
                    <Link className="govuk-link" to={at({ status: s, offset: 0 })}>
                      {s ? STATUS[s as MailStatus].label : 'All'}
                    </Link>
                  )}
                </span>
              ))}
            </nav>
            <p className="govuk-body">
              {page.total === 0
                ? 'No messages.'
                : `Messages ${formatNumber(page.offset + 1)} to ${formatNumber(page.offset + page.items.length)} of ${formatNumber(page.total)}, newest first.`}
            </p>
            {page.items.length > 0 && (
              <div className="dv-table-scroll">
                <table className="govuk-table">
                  <caption className="govuk-visually-hidden">Emails</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        When
                      </th>
                      <th scope="col" className="govuk-table__header">
                        To
                      </th>
                      <th scope="col" className="govuk-table__header">
                        Message
                      </th>
                      <th scope="col" className="govuk-table__header">
                        Status
                      </th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {page.items.map((m) => (
                      <Row key={m.id} message={m} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {(page.offset > 0 || page.offset + page.items.length < page.total) && (
              <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of the outbox">
                {page.offset > 0 && (
                  <div className="govuk-pagination__prev">
                    <Link
                      className="govuk-link govuk-pagination__link"
                      to={at({ offset: Math.max(0, page.offset - PAGE) })}
                      rel="prev"
                    >
                      <span className="govuk-pagination__link-title">Newer messages</span>
                    </Link>
                  </div>
                )}
                {page.offset + page.items.length < page.total && (
                  <div className="govuk-pagination__next">
                    <Link
                      className="govuk-link govuk-pagination__link"
                      to={at({ offset: page.offset + PAGE })}
                      rel="next"
                    >
                      <span className="govuk-pagination__link-title">Older messages</span>
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

function Row({ message }: { message: OutboxMessage }) {
  const status = STATUS[message.status];
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell dv-nowrap">{when(message.createdAt)}</td>
      <td className="govuk-table__cell">{message.to}</td>
      <td className="govuk-table__cell">
        <span className="dv-block govuk-body-s govuk-!-margin-0 dv-muted">{KIND_LABELS[message.kind]}</span>
        <details className="govuk-details govuk-!-margin-0">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{message.subject}</span>
          </summary>
          <div className="govuk-details__text">
            <pre className="dv-pre">{message.body}</pre>
          </div>
        </details>
      </td>
      <td className="govuk-table__cell">
        <Tag colour={status.colour}>{status.label}</Tag>
        {message.sentAt && <span className="dv-block govuk-body-s govuk-!-margin-0">{when(message.sentAt)}</span>}
        {message.lastError && message.status !== 'sent' && (
          <span className="dv-block govuk-body-s govuk-!-margin-0">
            {message.lastError} (tried {message.attempts} {message.attempts === 1 ? 'time' : 'times'})
          </span>
        )}
      </td>
    </tr>
  );
}
