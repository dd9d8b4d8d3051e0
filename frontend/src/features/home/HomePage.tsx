import type { Me } from '@deepvalue/shared';

export function HomePage({ me }: { me: Me }) {
  return (
    <>
      <h1 className="govuk-heading-l">Welcome, {me.name}</h1>
      <p className="govuk-body">You are signed in to {me.organisationName}.</p>
    </>
  );
}
