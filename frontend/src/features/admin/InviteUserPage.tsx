import { type ApiError, labelOf, type Role } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Radios } from '../../ui/Radios';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { SetPasswordLinkPanel } from './SetPasswordLinkPanel';
import type { InvitedUser } from '@deepvalue/shared';

const ROLE_HINTS: Partial<Record<Role, string>> = {
  adviser: 'Records casework: clients, cases, time, feedback and outcomes',
  manager: 'Everything an adviser does, plus reports, pricing, import and export',
  admin: 'Users, sharing, retention and the audit log',
  commissioner: 'Sees anonymised figures from organisations that share with them',
};

export function validateInvite(values: { name: string; email: string; role: string }): ApiError[] {
  const errors: ApiError[] = [];
  if (!values.name.trim()) errors.push({ path: 'name', message: 'Enter the person’s name' });
  if (!values.email.trim()) errors.push({ path: 'email', message: 'Enter their email address' });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
    errors.push({ path: 'email', message: 'Enter an email address in the correct format, like name@example.org' });
  if (!values.role) errors.push({ path: 'role', message: 'Select a role' });
  return errors;
}

export function InviteUserPage() {
  const [values, setValues] = useState({ name: '', email: '', role: '' as Role | '' });
  const [invited, setInvited] = useState<InvitedUser>();
  const submission = useSubmission();
  const client = useQueryClient();
  const { prompt, bypass } = useUnsavedChanges(!invited && Boolean(values.name || values.email));
  usePageTitle(invited ? 'User invited' : 'Invite a user', submission.errors.length > 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateInvite(values);
    submission.setErrors(problems);
    if (problems.length) return;
    const body = { name: values.name.trim(), email: values.email.trim().toLowerCase(), role: values.role };
    const result = await submission.submit(body, (idempotencyKey) =>
      api<InvitedUser>('/users', { method: 'POST', body, idempotencyKey }),
    );
    if (result.ok) {
      bypass();
      setInvited(result.value);
      await client.invalidateQueries({ queryKey: ['users'] });
    }
  }

  if (invited) {
    return (
      <>
        <AdminBreadcrumbs trail={[{ to: '/admin/users', label: 'Users' }]} />
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{invited.user.name} is invited</h1>
          <div className="govuk-panel__body">as {labelOf(invited.user.role).toLowerCase()}</div>
        </div>
        <SetPasswordLinkPanel link={invited} who={invited.user.name} />
        <p className="govuk-body">
          <Link className="govuk-link" to="/admin/users">
            Back to users
          </Link>
        </p>
      </>
    );
  }

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  return (
    <>
      {prompt}
      <AdminBreadcrumbs trail={[{ to: '/admin/users', label: 'Users' }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={submission.errors} />
          <h1 className="govuk-heading-l">Invite a user</h1>
          <p className="govuk-body">
            You will get a one-use link to give them, so that they can choose their own password.
          </p>
          <form noValidate onSubmit={submit} className="dv-form">
            <TextInput
              id="name"
              label="Name"
              autoComplete="off"
              value={values.name}
              onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
              error={errorFor('name')}
            />
            <TextInput
              id="email"
              label="Email address"
              hint="They sign in with this"
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={values.email}
              onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
              error={errorFor('email')}
            />
            <Radios
              id="role"
              legend="Role"
              options={(['adviser', 'manager', 'admin'] as const).map((value) => ({
                value,
                label: labelOf(value),
                hint: ROLE_HINTS[value],
              }))}
              value={values.role}
              onChange={(role) => setValues((v) => ({ ...v, role }))}
              error={errorFor('role')}
            />
            <button type="submit" className="govuk-button" disabled={submission.busy}>
              Invite
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
