import type { ApiError, SignInRefusal } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiRequestError } from '../../app/api';
import { usePageTitle } from '../../app/page-title';
import { useSignIn } from '../../app/session';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextInput } from '../../ui/TextInput';

export function SignInPage() {
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle('Sign in', errors.length > 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: ApiError[] = [];
    if (!email.trim()) problems.push({ path: 'email', message: 'Enter your email address' });
    if (!password) problems.push({ path: 'password', message: 'Enter your password' });
    if (needsCode && !/^\d{6}$/.test(code.trim()))
      problems.push({ path: 'code', message: 'Enter the 6-digit code from your authenticator app' });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      await signIn(email, password, needsCode ? code.trim() : undefined);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (error) {
      if (error instanceof ApiRequestError) {
        const wantsCode = (error.body as SignInRefusal | undefined)?.twoFactor === 'code_required';
        if (wantsCode && !needsCode) {
          // The password was right; now the second factor. Not an error yet.
          setNeedsCode(true);
          setErrors([]);
          return;
        }
        setErrors(error.errors.map((e) => ({ ...e, path: e.path === 'code' ? 'code' : e.path || 'email' })));
      } else {
        setErrors([{ path: 'email', message: String(error) }]);
      }
    } finally {
      setBusy(false);
    }
  }

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
          {needsCode && (
            <TextInput
              id="code"
              label="Code from your authenticator app"
              hint="The 6-digit code shown in the app now"
              inputMode="numeric"
              autoComplete="one-time-code"
              width={5}
              autoFocus
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={errorFor('code')}
            />
          )}
          <button type="submit" className="govuk-button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="govuk-body">
          Forgotten your password, or lost your authenticator? Ask your Deep Value administrator for a new link.{' '}
          <Link className="govuk-link" to="/set-password">
            I have a set-password link
          </Link>
        </p>
      </div>
    </div>
  );
}
