import type { ApiError } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextInput } from '../../ui/TextInput';

export function validateNewPassword(password: string, confirm: string): ApiError[] {
  const errors: ApiError[] = [];
  if (!password) errors.push({ path: 'password', message: 'Enter a new password' });
  else if (password.length < 12)
    errors.push({ path: 'password', message: 'Your password must be at least 12 characters' });
  if (password && confirm !== password) errors.push({ path: 'confirm', message: 'The passwords do not match' });
  return errors;
}

/** From an invitation or reset link: choose a password (the token in the link works once). */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const [token, setToken] = useState(params.get('token') ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const submission = useSubmission();
  usePageTitle(done ? 'Password set' : 'Choose your password', submission.errors.length > 0);
  const fromLink = Boolean(params.get('token'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateNewPassword(password, confirm);
    if (!token.trim()) problems.unshift({ path: 'token', message: 'Enter the code from your set-password link' });
    submission.setErrors(problems);
    if (problems.length) return;
    const body = { token: token.trim(), password };
    const result = await submission.submit(body, () => api('/auth/set-password', { method: 'POST', body }));
    if (result.ok) {
      setDone(true);
    } else if (result.error && fromLink) {
      // The token came in the link, so there is no field to correct: say what to do instead.
      submission.setErrors(
        result.error.errors.map((e) =>
          e.path === 'token' || result.error?.status === 401 || result.error?.status === 404
            ? { path: '', message: 'This link has expired or was already used. Ask your administrator for a new one.' }
            : e,
        ),
      );
    }
  }

  if (done) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Your password is set</h1>
          </div>
          <p className="govuk-body">
            <Link className="govuk-link" to="/sign-in">
              Sign in to Deep Value
            </Link>
          </p>
        </div>
      </div>
    );
  }
  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={submission.errors} />
        <h1 className="govuk-heading-l">Choose your password</h1>
        <form noValidate onSubmit={submit}>
          {!fromLink && (
            <TextInput
              id="token"
              label="Code from your link"
              hint="The part of the link after “token=”"
              spellCheck={false}
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              error={errorFor('token')}
            />
          )}
          <TextInput
            id="password"
            label="New password"
            hint="At least 12 characters. A few unrelated words make a strong password that is easy to remember."
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errorFor('password')}
          />
          <TextInput
            id="confirm"
            label="Type the password again"
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={errorFor('confirm')}
          />
          <button type="submit" className="govuk-button" disabled={submission.busy}>
            Set password
          </button>
        </form>
      </div>
    </div>
  );
}
