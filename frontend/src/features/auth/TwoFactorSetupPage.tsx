import type { TwoFactorSetup } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api, newIdempotencyKey } from '../../app/api';
import { usePageTitle } from '../../app/page-title';
import { useSignOut } from '../../app/session';
import { useSubmission } from '../../app/submission';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { LazyQrCode } from '../../ui/LazyQrCode';
import { TextInput } from '../../ui/TextInput';

/**
 * Required two-factor enrolment (the organisation asks it of managers and admins): add the key to
 * an authenticator app, then prove it with a code.
 */
export function TwoFactorSetupPage() {
  usePageTitle('Set up two-factor sign-in');
  const [setup, setSetup] = useState<TwoFactorSetup>();
  const [code, setCode] = useState('');
  const submission = useSubmission();
  const client = useQueryClient();
  const signOut = useSignOut();

  useEffect(() => {
    let cancelled = false;
    void api<TwoFactorSetup>('/auth/2fa/setup', { method: 'POST', idempotencyKey: newIdempotencyKey() }).then(
      (value) => !cancelled && setSetup(value),
      (error: Error) => !cancelled && submission.setErrors([{ path: '', message: error.message }]),
    );
    return () => {
      cancelled = true;
    };
    // One secret per visit: asking again would replace the one already typed into the app.
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      submission.setErrors([{ path: 'code', message: 'Enter the 6-digit code from your authenticator app' }]);
      return;
    }
    const body = { code: code.trim() };
    const result = await submission.submit(body, (idempotencyKey) =>
      api('/auth/2fa/enable', { method: 'POST', body, idempotencyKey }),
    );
    if (result.ok) await client.invalidateQueries({ queryKey: ['session'] });
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={submission.errors} />
        <h1 className="govuk-heading-l">Set up two-factor sign-in</h1>
        <p className="govuk-body">
          Your organisation asks managers and administrators to sign in with a code from an authenticator app as well as
          a password.
        </p>
        <ol className="govuk-list govuk-list--number">
          <li>
            Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).
          </li>
          <li>Choose to add an account, then scan the QR code or type the key shown below.</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        {setup && (
          <div className="govuk-inset-text dv-qr-beside">
            <div>
              <p className="govuk-body govuk-!-margin-bottom-1">Key to type into the app:</p>
              <p className="govuk-body govuk-!-font-weight-bold dv-key" data-testid="two-factor-secret">
                {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
              </p>
              <p className="govuk-body-s">
                Or, on this phone, <a href={setup.otpauthUrl}>open the key in your authenticator app</a>.
              </p>
            </div>
            <LazyQrCode text={setup.otpauthUrl} label="QR code of the key, to scan with your authenticator app" />
          </div>
        )}
        <form noValidate onSubmit={submit}>
          <TextInput
            id="code"
            label="Code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            width={5}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={submission.errors.find((e) => e.path === 'code')?.message}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={submission.busy || !setup}>
              Turn on two-factor sign-in
            </button>
            <button type="button" className="dv-link-button dv-link-button--dark" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
