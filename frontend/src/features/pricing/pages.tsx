// Temporary: replaced as each page is built.
export function PricingPage() {
  return <h1 className="govuk-heading-l">PricingPage</h1>;
}
