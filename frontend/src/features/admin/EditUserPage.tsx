import { labelOf, type Role } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { flash } from '../../app/flash';
import { usePageTitle } from '../../app/page-title';
import { useMe } from '../../app/session';
import { useSubmission } from '../../app/submission';
import { ConflictView } from '../../ui/ConflictView';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { labelledOptions } from '../../ui/options';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { useUsers } from './api';
import { SetPasswordLinkPanel } from './SetPasswordLinkPanel';
import type { SetPasswordLink, User } from '@deepvalue/shared';

export function EditUserPage() {
  const { userId = '' } = useParams();
  const users = useUsers();
  usePageTitle('Change a user');
  return (
    <>
      <AdminBreadcrumbs trail={[{ to: '/admin/users', label: 'Users' }]} />
      <QueryState query={users} what="The user">
        {(list) => {
          const user = list.find((u) => u.id === userId);
          return user ? <EditUser key={user.version} user={user} /> : <p className="govuk-body">User not found.</p>;
        }}
      </QueryState>
    </>
  );
}

function EditUser({ user }: { user: User }) {
  const me = useMe();
  const [values, setValues] = useState({ name: user.name, role: user.role as Role, active: user.active });
  const [conflict, setConflict] = useState<User>();
  const [link, setLink] = useState<SetPasswordLink>();
  const [done, setDone] = useState<string>();
  const submission = useSubmission();
  const navigate = useNavigate();
  const client = useQueryClient();
  const dirty = values.name !== user.name || values.role !== user.role || values.active !== user.active;
  const { prompt, bypass } = useUnsavedChanges(dirty);
  const self = me.id === user.id;

  async function save(toSave: typeof values, version: number) {
    if (!toSave.name.trim()) {
      submission.setErrors([{ path: 'name', message: 'Enter the person’s name' }]);
      return;
    }
    const body = { version, name: toSave.name.trim(), role: toSave.role, active: toSave.active };
    const result = await submission.submit(body, () => api<User>(`/users/${user.id}`, { method: 'PATCH', body }));
    if (result.ok) {
      bypass();
      await client.invalidateQueries({ queryKey: ['users'] });
      navigate('/admin/users', flash(`${result.value.name} saved`));
    } else if (result.error?.isStale) {
      setConflict(result.error.body?.current as User);
    }
  }

  async function action(path: 'reset-password' | 'reset-two-factor') {
    const result = await submission.submit({ action: path, user: user.id }, (idempotencyKey) =>
      api<SetPasswordLink | User>(`/users/${user.id}/${path}`, { method: 'POST', idempotencyKey }),
    );
    if (!result.ok) return;
    await client.invalidateQueries({ queryKey: ['users'] });
    if (path === 'reset-password') setLink(result.value as SetPasswordLink);
    else setDone(`Two-factor sign-in reset for ${user.name}: they will set it up again next time they sign in.`);
  }

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} />
      <span className="govuk-caption-l">{user.email}</span>
      <h1 className="govuk-heading-l">{user.name}</h1>
      {conflict ? (
        <ConflictView
          what="user"
          fields={[
            { key: 'name', label: 'Name' },
            { key: 'role', label: 'Role', format: (v) => labelOf(String(v)) },
            { key: 'active', label: 'Can sign in', format: (v) => (v ? 'Yes' : 'No') },
          ]}
          mine={values}
          theirs={conflict as unknown as Record<string, unknown>}
          busy={submission.busy}
          onResolve={(merged, version) => {
            const next = merged as typeof values;
            setValues(next);
            setConflict(undefined);
            void save(next, version);
          }}
          onDiscard={() => {
            bypass();
            void client.invalidateQueries({ queryKey: ['users'] });
            navigate('/admin/users');
          }}
        />
      ) : (
        <form
          noValidate
          className="govuk-!-width-two-thirds dv-form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void save(values, user.version);
          }}
        >
          <TextInput
            id="name"
            label="Name"
            value={values.name}
            onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
            error={errorFor('name')}
          />
          <Radios
            id="role"
            legend="Role"
            legendSize="s"
            options={labelledOptions(['adviser', 'manager', 'admin'] as const)}
            value={values.role}
            onChange={(role) => setValues((v) => ({ ...v, role }))}
            error={errorFor('role')}
          />
          <Radios
            id="active"
            legend="Can they sign in?"
            legendSize="s"
            hint={self ? 'You cannot deactivate yourself' : 'Deactivating ends their sessions at once'}
            options={[
              { value: 'yes', label: 'Yes, active' },
              { value: 'no', label: 'No, deactivated' },
            ]}
            value={values.active ? 'yes' : 'no'}
            onChange={(v) => setValues((s) => ({ ...s, active: v === 'yes' || self }))}
            error={errorFor('active')}
          />
          <button type="submit" className="govuk-button" disabled={submission.busy}>
            Save changes
          </button>
        </form>
      )}
      <h2 className="govuk-heading-m">Sign-in help</h2>
      {done && <p className="govuk-body govuk-!-font-weight-bold">{done}</p>}
      {link ? (
        <SetPasswordLinkPanel link={link} who={user.name} />
      ) : (
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={submission.busy}
            onClick={() => void action('reset-password')}
          >
            {user.invitePending ? 'Make a new invitation link' : 'Reset their password'}
          </button>
          {user.twoFactorEnabled && (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={submission.busy}
              onClick={() => void action('reset-two-factor')}
            >
              Reset two-factor sign-in
            </button>
          )}
        </div>
      )}
    </>
  );
}
