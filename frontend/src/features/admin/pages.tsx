// Temporary: replaced as each page is built.
export function AdminIndexPage() {
  return <h1 className="govuk-heading-l">AdminIndexPage</h1>;
}
export function UsersPage() {
  return <h1 className="govuk-heading-l">UsersPage</h1>;
}
export function InviteUserPage() {
  return <h1 className="govuk-heading-l">InviteUserPage</h1>;
}
export function PartnersPage() {
  return <h1 className="govuk-heading-l">PartnersPage</h1>;
}
export function FeedbackItemsPage() {
  return <h1 className="govuk-heading-l">FeedbackItemsPage</h1>;
}
export function SharingPage() {
  return <h1 className="govuk-heading-l">SharingPage</h1>;
}
export function RetentionPage() {
  return <h1 className="govuk-heading-l">RetentionPage</h1>;
}
export function AuditLogPage() {
  return <h1 className="govuk-heading-l">AuditLogPage</h1>;
}
