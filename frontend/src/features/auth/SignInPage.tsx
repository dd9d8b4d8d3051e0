import type { ApiError } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiRequestError } from '../../app/api';
import { useSignIn } from '../../app/session';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextInput } from '../../ui/TextInput';
import { usePageTitle } from '../../app/page-title';

export function SignInPage() {
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: ApiError[] = [];
    if (!email.trim()) problems.push({ path: 'email', message: 'Enter your email address' });
    if (!password) problems.push({ path: 'password', message: 'Enter your password' });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      await signIn(email, password);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (error) {
      setErrors(
        error instanceof ApiRequestError
          ? error.errors.map((e) => ({ ...e, path: e.path || 'email' }))
          : [{ path: 'email', message: String(error) }],
      );
    } finally {
      setBusy(false);
    }
  }

  usePageTitle('Sign in', errors.length > 0);
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Sign in to Deep Value</h1>
        <form onSubmit={submit} noValidate>
          <TextInput
            id="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errorFor('email')}
          />
          <TextInput
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errorFor('password')}
          />
          <button type="submit" className="govuk-button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </div>
  );
}
