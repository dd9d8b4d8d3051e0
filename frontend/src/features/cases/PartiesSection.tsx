/**
 * Parties on the case page: the opponent, a third party acting for the client (with the pass phrase
 * they give before being told anything), an interpreter. Add, change and remove them.
 */
import {
  OPPONENT_TYPE_LABELS,
  OPPONENT_TYPES,
  type OpponentType,
  PARTY_ROLE_LABELS,
  type PartyKind,
  type PartyRole,
  type Party,
} from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, ApiRequestError, newIdempotencyKey } from '../../app/api';
import { formatDate } from '../../app/format';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { Select } from '../../ui/Select';
import { SummaryList } from '../../ui/SummaryList';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';
import { type ConflictDecision, ConflictCheckFields, decisionBody, decisionErrors, NO_DECISION } from './ConflictCheck';
import { ConflictChecksList } from './ConflictChecksList';
import { useParties, useRefreshParties } from './parties';

const ROLE_OPTIONS = [
  { value: 'opponent', label: 'Opponent', hint: 'The other side: a landlord, the council, DWP, an employer' },
  { value: 'third_party', label: 'Third party acting for the client', hint: 'A relative or support worker' },
  { value: 'interpreter', label: 'Interpreter' },
  { value: 'other', label: 'Other' },
] as const satisfies ReadonlyArray<{ value: PartyRole; label: string; hint?: string }>;

const KIND_OPTIONS = [
  { value: 'person', label: 'A person' },
  { value: 'organisation', label: 'An organisation' },
] as const satisfies ReadonlyArray<{ value: PartyKind; label: string }>;

const OPPONENT_OPTIONS = OPPONENT_TYPES.map((t) => ({ value: t, label: OPPONENT_TYPE_LABELS[t] }));

export interface PartyForm {
  role: PartyRole | '';
  opponentType: OpponentType | '';
  kind: PartyKind | '';
  name: string;
  dateOfBirth: string;
  postcodeDistrict: string;
  contact: string;
  reference: string;
  relationship: string;
  passPhrase: string;
  language: string;
  note: string;
}

const EMPTY: PartyForm = {
  role: '',
  opponentType: '',
  kind: '',
  name: '',
  dateOfBirth: '',
  postcodeDistrict: '',
  contact: '',
  reference: '',
  relationship: '',
  passPhrase: '',
  language: '',
  note: '',
};

const formOf = (p: Party): PartyForm => ({
  role: p.role,
  opponentType: p.opponentType ?? '',
  kind: p.kind,
  name: p.name,
  dateOfBirth: p.dateOfBirth ?? '',
  postcodeDistrict: p.postcodeDistrict ?? '',
  contact: p.contact ?? '',
  reference: p.reference ?? '',
  relationship: p.relationship ?? '',
  passPhrase: p.passPhrase ?? '',
  language: p.language ?? '',
  note: p.note ?? '',
});

const orNull = (s: string) => s.trim() || null;

/** The request body: fields that do not belong to the role or kind are sent as null. */
export function partyBody(f: PartyForm) {
  return {
    role: f.role,
    kind: f.kind,
    name: f.name.trim(),
    opponentType: f.role === 'opponent' ? f.opponentType || null : null,
    dateOfBirth: f.kind === 'person' ? f.dateOfBirth || null : null,
    postcodeDistrict: orNull(f.postcodeDistrict.toUpperCase()),
    contact: orNull(f.contact),
    reference: orNull(f.reference),
    relationship: f.role === 'third_party' ? orNull(f.relationship) : null,
    passPhrase: f.role === 'third_party' ? orNull(f.passPhrase) : null,
    language: f.role === 'interpreter' ? orNull(f.language) : null,
    note: orNull(f.note),
  };
}

function localErrors(f: PartyForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.role) e.role = 'Select who they are in the case';
  if (!f.kind) e.kind = 'Select whether they are a person or an organisation';
  if (!f.name.trim()) e.name = 'Enter their name';
  if (f.postcodeDistrict.trim() && !/^[A-Z]{1,2}[0-9][A-Z0-9]?$/i.test(f.postcodeDistrict.trim()))
    e.postcodeDistrict = 'Enter a postcode district such as E3, SW1A or M1';
  return e;
}

function messageOf(e: unknown): string {
  if (e instanceof ApiRequestError && e.isStale)
    return 'Someone else changed this party. The page now shows their version; check it and try again.';
  return e instanceof Error ? e.message : String(e);
}

export function PartiesSection({ caseId }: { caseId: string }) {
  const query = useParties(caseId);
  const refresh = useRefreshParties();
  const queryClient = useQueryClient();
  const refreshChecks = () => queryClient.invalidateQueries({ queryKey: ['conflict-checks', caseId] });
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="parties-title">
      <h2 className="govuk-heading-m" id="parties-title">
        Parties
      </h2>
      <QueryState query={query} what="The parties">
        {(parties) =>
          parties.length === 0 ? (
            <p className="govuk-body">No opponents, third parties or interpreters recorded.</p>
          ) : (
            <ul className="govuk-list">
              {parties.map((p) => (
                <li key={p.id}>
                  <PartyItem party={p} onChanged={() => refresh(caseId)} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {adding ? (
        <PartyEditor
          title="Add a party"
          initial={EMPTY}
          withConflictCheck
          save={(body) =>
            api<Party>(`/cases/${caseId}/parties`, { method: 'POST', body, idempotencyKey: newIdempotencyKey() })
          }
          onDone={async (saved) => {
            setAdding(false);
            if (saved) await Promise.all([refresh(caseId), refreshChecks()]);
          }}
        />
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAdding(true)}>
          Add a party
        </button>
      )}
      <ConflictChecksList caseId={caseId} />
    </section>
  );
}

function roleLabel(p: Party): string {
  if (p.role === 'opponent' && p.opponentType) return `Opponent (${OPPONENT_TYPE_LABELS[p.opponentType]})`;
  return PARTY_ROLE_LABELS[p.role];
}

function PartyItem({ party, onChanged }: { party: Party; onChanged: () => Promise<unknown> }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async () => {
    if (!window.confirm(`Remove ${party.name} from this case?`)) return;
    try {
      await api(`/parties/${party.id}?version=${party.version}`, { method: 'DELETE' });
    } catch (e) {
      setError(messageOf(e));
    }
    await onChanged();
  };
  const heading = `${party.name}, ${roleLabel(party)}`;
  if (editing)
    return (
      <PartyEditor
        title={`Change ${party.name}`}
        initial={formOf(party)}
        save={(body) =>
          api<Party>(`/parties/${party.id}`, { method: 'PATCH', body: { ...body, version: party.version } })
        }
        onDone={async () => {
          setEditing(false);
          await onChanged();
        }}
      />
    );
  const rows = [
    party.dateOfBirth && { key: 'Date of birth', value: formatDate(party.dateOfBirth) },
    party.postcodeDistrict && { key: 'Postcode district', value: party.postcodeDistrict },
    party.relationship && { key: 'Relationship to the client', value: party.relationship },
    party.language && { key: 'Language', value: party.language },
    party.contact && { key: 'Contact', value: party.contact },
    party.reference && { key: 'Their reference', value: party.reference },
    party.passPhrase && {
      key: 'Pass phrase',
      value: (
        <details className="govuk-details govuk-!-margin-bottom-0">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Show pass phrase</span>
          </summary>
          <div className="govuk-details__text">{party.passPhrase}</div>
        </details>
      ),
    },
    party.note && { key: 'Note', value: <span style={{ whiteSpace: 'pre-wrap' }}>{party.note}</span> },
  ].filter((r) => Boolean(r)) as Array<{ key: string; value: ReactNode }>;
  return (
    <article className="dv-panel" aria-label={heading}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{party.name}</h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        {roleLabel(party)} · {party.kind === 'person' ? 'person' : 'organisation'}
      </p>
      {rows.length > 0 && <SummaryList stacked rows={rows} />}
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
      <div className="govuk-button-group">
        <button type="button" className="dv-link-button" onClick={() => setEditing(true)}>
          Change<span className="govuk-visually-hidden"> {party.name}</span>
        </button>
        <button type="button" className="dv-link-button" onClick={() => void remove()}>
          Remove<span className="govuk-visually-hidden"> {party.name}</span>
        </button>
      </div>
    </article>
  );
}

export function PartyEditor({
  title,
  initial,
  withConflictCheck = false,
  save,
  onDone,
}: {
  title: string;
  initial: PartyForm;
  /** Adding: the party is searched for among clients and parties and the decision saved with it. */
  withConflictCheck?: boolean;
  save: (body: ReturnType<typeof partyBody> & { conflictCheck?: ReturnType<typeof decisionBody> }) => Promise<Party>;
  onDone: (saved: Party | undefined) => void | Promise<void>;
}) {
  const [f, setF] = useState<PartyForm>(initial);
  const [decision, setDecision] = useState<ConflictDecision>(NO_DECISION);
  const [shown, setShown] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PartyForm>(key: K, value: PartyForm[K]) => setF((old) => ({ ...old, [key]: value }));
  const allLocal = () => ({ ...localErrors(f), ...(withConflictCheck ? decisionErrors(decision) : {}) });
  const errors: Record<string, string | undefined> = shown ? { ...serverErrors, ...allLocal() } : serverErrors;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (Object.keys(allLocal()).length) return;
    setBusy(true);
    setError(undefined);
    setServerErrors({});
    try {
      await onDone(
        await save({ ...partyBody(f), ...(withConflictCheck ? { conflictCheck: decisionBody(decision) } : {}) }),
      );
    } catch (e) {
      if (e instanceof ApiRequestError && e.errors.some((x) => x.path))
        setServerErrors(Object.fromEntries(e.errors.map((x) => [x.path, x.message])));
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const id = (name: string) => `party-${name}`;
  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label={title} className="dv-panel">
      <h3 className="govuk-heading-s">{title}</h3>
      <Radios
        id={id('role')}
        legend="Who are they in the case?"
        legendSize="s"
        small
        options={ROLE_OPTIONS}
        value={f.role}
        error={errors.role}
        onChange={(v) => set('role', v)}
      />
      <Radios
        id={id('kind')}
        legend="Person or organisation?"
        legendSize="s"
        small
        inline
        options={KIND_OPTIONS}
        value={f.kind}
        error={errors.kind}
        onChange={(v) => set('kind', v)}
      />
      <TextInput
        id={id('name')}
        label={f.kind === 'organisation' ? 'Name of the organisation' : 'Full name'}
        value={f.name}
        error={errors.name}
        autoComplete="off"
        onChange={(e) => set('name', e.target.value)}
      />
      {f.role === 'opponent' && (
        <Select
          id={id('opponentType')}
          label="Who is the opponent?"
          emptyLabel="Not said"
          options={OPPONENT_OPTIONS}
          value={f.opponentType}
          error={errors.opponentType}
          onChange={(v) => set('opponentType', v as OpponentType | '')}
        />
      )}
      {f.kind === 'person' && (
        <TextInput
          id={id('dateOfBirth')}
          label="Date of birth (optional)"
          type="date"
          width={10}
          value={f.dateOfBirth}
          error={errors.dateOfBirth}
          onChange={(e) => set('dateOfBirth', e.target.value)}
        />
      )}
      <TextInput
        id={id('postcodeDistrict')}
        label="Postcode district (optional)"
        hint="The first half of the postcode, for example E3"
        width={5}
        value={f.postcodeDistrict}
        error={errors.postcodeDistrict}
        onChange={(e) => set('postcodeDistrict', e.target.value)}
      />
      {f.role === 'third_party' && (
        <>
          <TextInput
            id={id('relationship')}
            label="Relationship to the client (optional)"
            hint="For example daughter, support worker"
            value={f.relationship}
            error={errors.relationship}
            onChange={(e) => set('relationship', e.target.value)}
          />
          <TextInput
            id={id('passPhrase')}
            label="Pass phrase (optional)"
            hint="They give it before being told anything about the case"
            value={f.passPhrase}
            error={errors.passPhrase}
            autoComplete="off"
            onChange={(e) => set('passPhrase', e.target.value)}
          />
        </>
      )}
      {f.role === 'interpreter' && (
        <TextInput
          id={id('language')}
          label="Language (optional)"
          value={f.language}
          error={errors.language}
          onChange={(e) => set('language', e.target.value)}
        />
      )}
      <Textarea
        id={id('contact')}
        label="Contact details (optional)"
        hint="Address, phone or email"
        rows={2}
        value={f.contact}
        error={errors.contact}
        onChange={(e) => set('contact', e.target.value)}
      />
      <TextInput
        id={id('reference')}
        label="Their reference (optional)"
        value={f.reference}
        error={errors.reference}
        onChange={(e) => set('reference', e.target.value)}
      />
      <Textarea
        id={id('note')}
        label="Note (optional)"
        rows={2}
        value={f.note}
        error={errors.note}
        onChange={(e) => set('note', e.target.value)}
      />
      {withConflictCheck && (
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Conflict check</legend>
          <ConflictCheckFields
            idPrefix="party-conflict"
            legendSize="s"
            search={{
              name: f.name,
              dateOfBirth: f.kind === 'person' ? f.dateOfBirth || null : null,
              postcodeDistrict: f.postcodeDistrict || null,
            }}
            decision={decision}
            onChange={setDecision}
            errors={{
              result: errors.result ?? errors['conflictCheck.result'],
              reason: errors.reason ?? errors['conflictCheck.reason'],
            }}
          />
        </fieldset>
      )}
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy}>
          Save party
        </button>
        <button type="button" className="dv-link-button" onClick={() => void onDone(undefined)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
