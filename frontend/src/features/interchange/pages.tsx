// Temporary: replaced as each page is built.
export function DataPage() {
  return <h1 className="govuk-heading-l">DataPage</h1>;
}
