import type { ConflictCheckRecord } from '@deepvalue/shared';
import { CONFLICT_RESULT_LABELS } from '@deepvalue/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { QueryState } from '../../ui/QueryState';
import { Tag } from '../../ui/Tag';
import { ConflictMatchesTable } from './ConflictCheck';

const COLOUR = { no_conflict: 'green', conflict_can_proceed: 'yellow', cannot_act: 'red' } as const;

/** The case's conflict checks: who was checked, by whom and when, what was found and decided. */
export function ConflictChecksList({ caseId }: { caseId: string }) {
  const query = useQuery({
    queryKey: ['conflict-checks', caseId],
    queryFn: ({ signal }) => api<ConflictCheckRecord[]>(`/cases/${caseId}/conflict-checks`, { signal }),
  });
  return (
    <>
      <h3 className="govuk-heading-s">Conflict checks</h3>
      <QueryState query={query} what="The conflict checks">
        {(checks) =>
          checks.length === 0 ? (
            <p className="govuk-body">No conflict check recorded on this case.</p>
          ) : (
            <ul className="govuk-list">
              {checks.map((c) => (
                <li key={c.id} className="dv-panel">
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <Tag colour={COLOUR[c.result]}>{CONFLICT_RESULT_LABELS[c.result]}</Tag>{' '}
                    {c.subject === 'client' ? 'Client' : 'Party'}: {c.searchedName}
                    {c.searchedDateOfBirth && `, born ${formatDate(c.searchedDateOfBirth)}`}
                    {c.searchedPostcodeDistrict && `, ${c.searchedPostcodeDistrict}`}
                  </p>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    Checked by {c.checkedByName},{' '}
                    {new Date(c.checkedAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })}
                  </p>
                  {c.reason && <p className="govuk-body-s">Why: {c.reason}</p>}
                  {c.matches.length > 0 ? (
                    <details className="govuk-details">
                      <summary className="govuk-details__summary">
                        <span className="govuk-details__summary-text">
                          {c.matches.length} possible match{c.matches.length === 1 ? '' : 'es'} found
                        </span>
                      </summary>
                      <div className="govuk-details__text">
                        <ConflictMatchesTable matches={c.matches} caption="Found by the search, as they read now" />
                      </div>
                    </details>
                  ) : (
                    <p className="govuk-body-s">The search found no one.</p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
