import type { ConflictMatch, ConflictSearchResult } from '@deepvalue/shared';
/**
 * A conflict check as the adviser does it: the organisation's clients and parties that look like
 * the person (name with typos and in either order, date of birth, postcode district), and the
 * decision — no conflict, conflict found but can proceed (why), or cannot act (why). The server
 * runs the same search again when the decision is saved and stores what it found.
 */
import {
  CONFLICT_RESULT_LABELS,
  type ConflictMatchField,
  type ConflictResult,
  OPPONENT_TYPE_LABELS,
  PARTY_ROLE_LABELS,
} from '@deepvalue/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../app/api';
import { useDebounced } from '../../app/debounce';
import { formatDate } from '../../app/format';
import { Radios } from '../../ui/Radios';
import { Textarea } from '../../ui/Textarea';

export interface ConflictSearch {
  name: string;
  dateOfBirth?: string | null;
  postcodeDistrict?: string | null;
  exceptClientId?: string | null;
}

export interface ConflictDecision {
  result: ConflictResult | '';
  reason: string;
}

export const NO_DECISION: ConflictDecision = { result: '', reason: '' };

/** What is missing from a decision, by field. */
export function decisionErrors(d: ConflictDecision): Record<string, string> {
  if (!d.result) return { result: 'Select the result of the conflict check' };
  if (d.result !== 'no_conflict' && !d.reason.trim())
    return {
      reason: d.result === 'cannot_act' ? 'Say why you cannot act' : 'Say why you can act despite the conflict found',
    };
  return {};
}

/** The body the API takes for a decision. */
export const decisionBody = (d: ConflictDecision) => ({
  result: d.result,
  reason: d.result === 'no_conflict' ? null : d.reason.trim(),
});

const MATCHED_LABEL: Record<ConflictMatchField, string> = {
  name: 'name',
  dateOfBirth: 'date of birth',
  postcodeDistrict: 'postcode district',
  reference: 'reference',
};

export function roleOf(m: Pick<ConflictMatch, 'role' | 'opponentType'>): string {
  if (m.role === 'client') return 'Client';
  if (m.role === 'opponent' && m.opponentType) return `Opponent (${OPPONENT_TYPE_LABELS[m.opponentType]})`;
  return PARTY_ROLE_LABELS[m.role];
}

export function useConflictSearch(typed: ConflictSearch) {
  // JSON so the debounce compares values, not a new object each render.
  const search = JSON.parse(useDebounced(JSON.stringify(typed), 300)) as ConflictSearch;
  const name = search.name.trim();
  return useQuery({
    queryKey: ['conflict-search', search],
    queryFn: ({ signal }) =>
      api<ConflictSearchResult>(
        `/conflict-checks/search${queryString({
          name,
          dateOfBirth: search.dateOfBirth || undefined,
          postcodeDistrict: search.postcodeDistrict?.trim() || undefined,
          exceptClientId: search.exceptClientId || undefined,
        })}`,
        { signal },
      ),
    enabled: name.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function ConflictMatchesTable({ matches, caption }: { matches: ConflictMatch[]; caption: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Name
          </th>
          <th scope="col" className="govuk-table__header">
            Who they are
          </th>
          <th scope="col" className="govuk-table__header">
            Reference
          </th>
          <th scope="col" className="govuk-table__header">
            Same
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {matches.map((m) => (
          <tr key={`${m.source}-${m.id}`} className="govuk-table__row">
            <td className="govuk-table__cell">
              {m.name || 'Removed'}
              {m.dateOfBirth && <span className="govuk-body-s dv-muted"> · born {formatDate(m.dateOfBirth)}</span>}
              {m.postcodeDistrict && <span className="govuk-body-s dv-muted"> · {m.postcodeDistrict}</span>}
            </td>
            <td className="govuk-table__cell">{roleOf(m)}</td>
            <td className="govuk-table__cell">{m.ref}</td>
            <td className="govuk-table__cell">{m.matchedOn.map((f) => MATCHED_LABEL[f]).join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The search results for `search` and the decision fields. */
export function ConflictCheckFields({
  idPrefix,
  search,
  decision,
  onChange,
  errors,
  legendSize = 'm',
}: {
  idPrefix: string;
  search: ConflictSearch;
  decision: ConflictDecision;
  onChange: (decision: ConflictDecision) => void;
  errors: Record<string, string | undefined>;
  legendSize?: 's' | 'm' | 'l';
}) {
  const query = useConflictSearch(search);
  const matches = query.data?.items ?? [];
  const searched = [
    search.name.trim(),
    search.dateOfBirth && `born ${formatDate(search.dateOfBirth)}`,
    search.postcodeDistrict?.trim().toUpperCase(),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div aria-live="polite">
      {search.name.trim().length < 2 ? (
        <p className="govuk-body">Enter a name to check for conflicts.</p>
      ) : query.isPending ? (
        <p className="govuk-body dv-muted" role="status">
          Searching clients and parties…
        </p>
      ) : query.isError ? (
        <p className="govuk-error-message" role="alert">
          The search failed: {query.error.message}
        </p>
      ) : matches.length === 0 ? (
        <p className="govuk-body">No client or party of your organisation looks like {searched}.</p>
      ) : (
        <ConflictMatchesTable
          matches={matches}
          caption={`${matches.length} client${matches.length === 1 ? '' : 's'} or part${matches.length === 1 ? 'y' : 'ies'} like ${searched}`}
        />
      )}
      <Radios
        id={`${idPrefix}-result`}
        legend="Result of the conflict check"
        legendSize={legendSize}
        options={(['no_conflict', 'conflict_can_proceed', 'cannot_act'] as const).map((value) => ({
          value,
          label: CONFLICT_RESULT_LABELS[value],
          conditional:
            value !== 'no_conflict' ? (
              <Textarea
                id={`${idPrefix}-reason-${value}`}
                label={value === 'cannot_act' ? 'Why you cannot act' : 'Why you can act'}
                rows={3}
                value={decision.reason}
                error={errors.reason}
                onChange={(e) => onChange({ ...decision, reason: e.target.value })}
              />
            ) : undefined,
        }))}
        value={decision.result}
        error={errors.result}
        onChange={(result) => onChange({ ...decision, result })}
      />
    </div>
  );
}
