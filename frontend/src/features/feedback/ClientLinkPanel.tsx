import type { FeedbackLink } from '@deepvalue/shared';
import { useState } from 'react';
import { api, ApiRequestError } from '../../app/api';
import { LazyQrCode } from '../../ui/LazyQrCode';

/** Makes a one-use link the client can open on their own phone to fill in the form themselves. */
export function ClientLinkPanel({ caseId }: { caseId: string }) {
  const [link, setLink] = useState<FeedbackLink>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const url = link ? `${window.location.origin}${link.path}` : '';

  async function make() {
    setBusy(true);
    setError(undefined);
    try {
      setLink(await api<FeedbackLink>(`/cases/${caseId}/feedback-links`, { method: 'POST' }));
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : 'The link could not be made; try again');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s">Or let the client fill it in themselves</h2>
      {!link && (
        <>
          <p className="govuk-body">
            Make a link the client can open on their own phone. It works once, for 7 days, and shows nothing about them
            or their case.
          </p>
          {error && <p className="govuk-error-message">{error}</p>}
          <button type="button" className="govuk-button govuk-button--secondary" onClick={make} disabled={busy}>
            Make a link for the client
          </button>
        </>
      )}
      {link && (
        <div className="dv-qr-beside">
          <div>
            <p className="govuk-body">
              Give the client this address, or let them scan the QR code with their phone’s camera. It works once, until{' '}
              {new Date(link.expiresAt).toLocaleDateString('en-GB')}.
            </p>
            <p className="govuk-body dv-break">
              <a href={url} target="_blank" rel="noreferrer">
                {url}
              </a>
            </p>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => void navigator.clipboard?.writeText(url)}
            >
              Copy the link
            </button>
          </div>
          <LazyQrCode text={url} label="QR code of the link above, to open the feedback form on a phone" />
        </div>
      )}
    </div>
  );
}
