// Temporary: replaced as each page is built.
export function OrganisationsPage() {
  return <h1 className="govuk-heading-l">OrganisationsPage</h1>;
}
export function EvidencePackPage() {
  return <h1 className="govuk-heading-l">EvidencePackPage</h1>;
}
