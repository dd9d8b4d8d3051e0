import { useState } from 'react';
import { formatDate } from '../../app/format';
import type { SetPasswordLink } from '@deepvalue/shared';

/** The one-use link an administrator gives a new user (or one whose password was reset). */
export function SetPasswordLinkPanel({ link, who }: { link: SetPasswordLink; who: string }) {
  const url = new URL(link.setPasswordUrl, window.location.origin).toString();
  const [copied, setCopied] = useState(false);
  return (
    <div className="dv-panel" data-testid="set-password-link">
      <h2 className="govuk-heading-m">Give {who} this link</h2>
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
