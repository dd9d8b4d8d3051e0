import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import type { SetPasswordLink } from '@deepvalue/shared';

/** The one-use link an administrator gives a new user (or one whose password was reset). */
export function SetPasswordLinkPanel({ link, who }: { link: SetPasswordLink; who: string }) {
  const url = new URL(link.setPasswordUrl, window.location.origin).toString();
  const [copied, setCopied] = useState(false);
  return (
    <div className="dv-panel" data-testid="set-password-link">
      <EmailSent link={link} who={who} />
      <h2 className="govuk-heading-m">{link.emailStatus === 'sent' ? 'The link' : `Give ${who} this link`}</h2>
      <p className="govuk-body">
        It lets them choose their password. It works once, and stops working on{' '}
        {formatDate(link.expiresAt.slice(0, 10))}. Send it by a channel you trust: anyone with the link can set the
        password.
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="set-password-url">
          Set-password link
        </label>
        <input
          id="set-password-url"
          className="govuk-input"
          readOnly
          value={url}
          onFocus={(e) => e.target.select()}
          spellCheck={false}
        />
      </div>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() =>
          void navigator.clipboard?.writeText(url).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        Copy the link
      </button>
      <p className="govuk-body" aria-live="polite">
        {copied ? 'Copied.' : ''}
      </p>
    </div>
  );
}

/** Where the email carrying the link got to, in words. */
function EmailSent({ link, who }: { link: SetPasswordLink; who: string }) {
  if (link.emailStatus === 'sent') return <p className="govuk-body">An email with this link has been sent to {who}.</p>;
  if (link.emailStatus === 'held')
    return (
      <p className="govuk-body">
        No mail server is set up, so the email to {who} is held in the{' '}
        <Link className="govuk-link" to="/admin/outbox">
          outbox
        </Link>
        .
      </p>
    );
  if (link.emailStatus === 'failed' || link.emailStatus === 'queued')
    return (
      <p className="govuk-body">
        The email to {who} could not be sent yet; it will be tried again (see the{' '}
        <Link className="govuk-link" to="/admin/outbox">
          outbox
        </Link>
        ).
      </p>
    );
  return null;
}
