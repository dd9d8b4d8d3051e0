import type { PrivacySummary } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { flash } from '../../app/flash';
import { formatNumber } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { TextInput } from '../../ui/TextInput';
import { AdminBreadcrumbs } from '../admin/AdminBreadcrumbs';
import { usePrivacySummary } from './api';
import { privacyName, RECORD_LABELS } from './labels';

/** The confirmation step of an erasure: what goes, what stays, and the client's reference typed to confirm. */
export function EraseClientPage() {
  const { clientId = '' } = useParams();
  const summary = usePrivacySummary(clientId);
  usePageTitle('Erase a client');
  return (
    <>
      <AdminBreadcrumbs
        trail={[
          { to: '/admin/privacy', label: 'Subject access and erasure' },
          { to: `/admin/privacy/${clientId}`, label: 'Client' },
        ]}
      />
      <QueryState query={summary} what="The client">
        {(s) => <ConfirmErasure summary={s} />}
      </QueryState>
    </>
  );
}

const listOf = (records: PrivacySummary['records'], fate: string) =>
  records
    .filter((r) => r.onErasure === fate && r.count > 0)
    .map((r) => `${RECORD_LABELS[r.key] ?? r.key} (${formatNumber(r.count)})`);

function ConfirmErasure({ summary }: { summary: PrivacySummary }) {
  const { client, cases, records } = summary;
  const [typed, setTyped] = useState('');
  const submission = useSubmission();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const back = `/admin/privacy/${client.id}`;
  if (client.erasedAt) return <p className="govuk-body">This client has already been erased.</p>;

  const erase = async (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() !== client.ref) {
      submission.setErrors([
        { path: 'confirm-ref', message: `Type the client’s reference, ${client.ref}, to confirm` },
      ]);
      return;
    }
    const result = await submission.submit({ erase: client.id }, () =>
      api<{ ref: string }>(`/clients/${client.id}/erase`, { method: 'POST' }),
    );
    if (!result.ok) return;
    navigate(back, flash(`Personal details erased. The client is now known as ${result.value.ref}.`));
    // Every page that showed the client's name or references must read them again.
    void queries.invalidateQueries();
  };

  const deleted = listOf(records, 'deleted');
  const cleared = listOf(records, 'text_cleared');
  const kept = listOf(records, 'kept_anonymous');
  return (
    <>
      <ErrorSummary errors={submission.errors} fieldIds={{ 'confirm-ref': 'confirm-ref' }} />
      <span className="govuk-caption-l">{client.ref}</span>
      <h1 className="govuk-heading-l">Erase {privacyName(client)}?</h1>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Erasure cannot be undone. Make a subject access export first if the client may want a copy.
        </strong>
      </div>
      <h2 className="govuk-heading-s">Removed</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>Name, date of birth, postcode district, email, phone and contact preferences</li>
        <li>
          The client’s reference and the reference of their {cases.length === 1 ? 'case' : `${cases.length} cases`},
          replaced by random ones
        </li>
        {deleted.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {cleared.length > 0 && (
        <>
          <h2 className="govuk-heading-s">Kept without the text typed into them</h2>
          <ul className="govuk-list govuk-list--bullet">
            {cleared.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <h2 className="govuk-heading-s">Kept without a name, for the reports</h2>
      <p className="govuk-body">
        Categories, dates, minutes and outcomes, so figures and past evidence packs do not change
        {kept.length ? `: ${kept.join(', ')}` : ''}.
      </p>
      <form noValidate onSubmit={erase} className="govuk-!-width-two-thirds">
        <TextInput
          id="confirm-ref"
          label={`Type the client’s reference, ${client.ref}, to confirm`}
          width={20}
          spellCheck={false}
          autoComplete="off"
          value={typed}
          error={submission.errors.find((e) => e.path === 'confirm-ref')?.message}
          onChange={(e) => setTyped(e.target.value)}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" disabled={submission.busy}>
            Erase personal details
          </button>
          <Link className="govuk-link" to={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
