import { labelOf } from '@deepvalue/shared';
import { Link } from 'react-router';
import { FlashBanner } from '../../app/flash';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { QueryState } from '../../ui/QueryState';
import { Tag } from '../../ui/Tag';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { useUsers } from './api';
import type { User } from '@deepvalue/shared';

function status(user: User) {
  if (!user.active) return <Tag colour="grey">Deactivated</Tag>;
  // An adviser an import added: a record cases point at, with no email to sign in with.
  if (!user.email) return <Tag colour="grey">No sign-in</Tag>;
  if (user.invitePending) return <Tag colour="yellow">Invited</Tag>;
  return <Tag colour="green">Active</Tag>;
}

export function UsersPage() {
  usePageTitle('Users and invitations');
  const users = useUsers();
  return (
    <>
      <AdminBreadcrumbs />
      <FlashBanner />
      <div className="dv-page-header">
        <h1 className="govuk-heading-l">Users and invitations</h1>
        <Link className="govuk-button" to="/admin/users/invite">
          Invite a user
        </Link>
      </div>
      <QueryState query={users} what="Users">
        {(list) => (
          <div className="dv-table-scroll">
            <table className="govuk-table">
              <caption className="govuk-visually-hidden">Users of your organisation</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Name
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Role
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Status
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Two-factor
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Last signed in
                  </th>
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {list.map((user) => (
                  <tr key={user.id} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      {user.name}
                      <span className="dv-block dv-muted">{user.email ?? 'No email'}</span>
                    </td>
                    <td className="govuk-table__cell">{labelOf(user.role)}</td>
                    <td className="govuk-table__cell">{status(user)}</td>
                    <td className="govuk-table__cell">{user.twoFactorEnabled ? 'On' : 'Off'}</td>
                    <td className="govuk-table__cell">
                      {user.lastSignInAt ? formatDate(user.lastSignInAt.slice(0, 10)) : 'Never'}
                    </td>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/admin/users/${user.id}`}>
                        Change<span className="govuk-visually-hidden"> {user.name}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}
