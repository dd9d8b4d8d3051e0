import { useClient } from '../cases/api';
import { ConflictCheckFields, NO_DECISION } from '../cases/ConflictCheck';
import type { IntakeAnswers } from './intake-state';

/** The intake's conflict check: the client as entered (or the existing client chosen) is searched for. */
export function ConflictCheckStep({
  answers,
  update,
  errorFor,
}: {
  answers: IntakeAnswers;
  update: (patch: Partial<IntakeAnswers>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const existingId = answers.created ? undefined : (answers.clientId ?? undefined);
  const existing = useClient(existingId);
  const person = existingId ? existing.data : answers.client;
  const name = [person?.firstName, person?.lastName].filter(Boolean).join(' ');
  return (
    <>
      <h1 className="govuk-heading-l">Conflict check</h1>
      <p className="govuk-body">
        Before acting, check that the client is not an opponent or a party in another of your organisation’s cases, and
        that you do not already act for someone on the other side. Names are matched with spelling mistakes and in
        either order.
      </p>
      <ConflictCheckFields
        idPrefix="conflict"
        search={{
          name,
          dateOfBirth: person?.dateOfBirth ?? null,
          postcodeDistrict: person?.postcodeDistrict ?? null,
          exceptClientId: answers.clientId ?? answers.created?.id ?? null,
        }}
        decision={answers.conflict ?? NO_DECISION}
        onChange={(conflict) => update({ conflict })}
        errors={{ result: errorFor('result'), reason: errorFor('reason') }}
      />
      {answers.conflict?.result === 'cannot_act' && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The case is still opened so that this check stays on record. Signpost the client elsewhere and close it.
          </strong>
        </div>
      )}
    </>
  );
}
