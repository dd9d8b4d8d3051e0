import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';

const SECTIONS = [
  {
    to: '/admin/users',
    title: 'Users and invitations',
    text: 'Invite people, change roles, reset passwords and two-factor.',
  },
  {
    to: '/admin/letter-templates',
    title: 'Letter templates',
    text: 'The client care letter, letter of authority, closing letter and your own letters.',
  },
  { to: '/admin/partners', title: 'Partner directory', text: 'The organisations clients are referred to and from.' },
  {
    to: '/admin/feedback-items',
    title: 'Client feedback questions',
    text: 'The questions clients answer about their adviser.',
  },
  {
    to: '/admin/subcategories',
    title: 'Sub-categories of law',
    text: 'The sub-categories advisers choose from for each category of law.',
  },
  {
    to: '/admin/sharing',
    title: 'Sharing with commissioners',
    text: 'Which commissioners see your anonymised figures.',
  },
  {
    to: '/admin/retention',
    title: 'Retention and security',
    text: 'How long client details are kept, small-number suppression and two-factor sign-in.',
  },
  {
    to: '/admin/funding',
    title: 'Funding received',
    text: 'The funding received for each period, so evidence packs show value per £1 of funding.',
  },
  {
    to: '/admin/privacy',
    title: 'Subject access and erasure',
    text: 'Find a client, export everything held about them, or erase their personal details.',
  },
  {
    to: '/admin/legal-aid',
    title: 'Legal aid contract',
    text: 'The LAA office account and schedule reference written on the monthly contract report.',
  },
  {
    to: '/admin/outbox',
    title: 'Outbox',
    text: 'The emails sent: invitations, password resets and key-date reminders.',
  },
  { to: '/admin/audit', title: 'Audit log', text: 'Every read and change of client data, and every sign-in.' },
];

export function AdminIndexPage() {
  usePageTitle('Administration');
  return (
    <>
      <h1 className="govuk-heading-l">Administration</h1>
      <ul className="govuk-list dv-card-list">
        {SECTIONS.map((s) => (
          <li key={s.to} className="dv-card">
            <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={s.to}>
                {s.title}
              </Link>
            </h2>
            <p className="govuk-body-s govuk-!-margin-bottom-0">{s.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
