import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';
import { useCommissioners, useShares } from './api';
import type { Share } from '@deepvalue/shared';

export function SharingPage() {
  usePageTitle('Sharing with commissioners');
  const shares = useShares();
  const commissioners = useCommissioners();
  const [choice, setChoice] = useState('');
  const [done, setDone] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const submission = useSubmission();
  const client = useQueryClient();

  async function share(event: FormEvent) {
    event.preventDefault();
    if (!choice) {
      submission.setErrors([{ path: 'commissioner', message: 'Select a commissioner to share with' }]);
      return;
    }
    const body = { commissionerRef: choice };
    const result = await submission.submit(body, (idempotencyKey) =>
      api<Share>('/shares', { method: 'POST', body, idempotencyKey }),
    );
    if (result.ok) {
      setDone(`Now sharing anonymised figures with ${result.value.commissioner.name}`);
      setChoice('');
      await client.invalidateQueries({ queryKey: ['shares'] });
    }
  }

  async function revoke(s: Share) {
    const result = await submission.submit({ revoke: s.commissioner.ref }, () =>
      api(`/shares/${encodeURIComponent(s.commissioner.ref)}`, { method: 'DELETE' }),
    );
    setConfirming(undefined);
    if (result.ok) {
      setDone(`Stopped sharing with ${s.commissioner.name}`);
      await client.invalidateQueries({ queryKey: ['shares'] });
    }
  }

  return (
    <>
      <AdminBreadcrumbs />
      {done && (
        <Banner success>
          <p className="govuk-notification-banner__heading">{done}</p>
        </Banner>
      )}
      <ErrorSummary
        errors={submission.errors}
        fieldIds={{ commissioner: 'commissioner', commissionerRef: 'commissioner' }}
      />
      <h1 className="govuk-heading-l">Sharing with commissioners</h1>
      <p className="govuk-body">
        A commissioner you share with sees aggregated, anonymised figures and evidence packs for your organisation:
        counts and rates, with counts rounded and small groups merged so no one can be picked out. Never names, dates of
        birth, notes or case references.
      </p>
      <QueryState query={shares} what="Your sharing">
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">You are not sharing with any commissioner.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Sharing now</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Commissioner
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Since
                  </th>
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {list.map((s) => (
                  <tr key={s.commissioner.id} className="govuk-table__row">
                    <td className="govuk-table__cell">{s.commissioner.name}</td>
                    <td className="govuk-table__cell">{formatDate(s.createdAt.slice(0, 10))}</td>
                    <td className="govuk-table__cell">
                      {confirming === s.commissioner.ref ? (
                        <>
                          <button
                            type="button"
                            className="govuk-button govuk-button--warning dv-inline-button"
                            disabled={submission.busy}
                            onClick={() => void revoke(s)}
                          >
                            Yes, stop sharing
                          </button>{' '}
                          <button
                            type="button"
                            className="dv-link-button dv-link-button--dark"
                            onClick={() => setConfirming(undefined)}
                          >
                            Cancel
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          className="dv-link-button dv-link-button--dark"
                          onClick={() => setConfirming(s.commissioner.ref)}
                        >
                          Stop sharing<span className="govuk-visually-hidden"> with {s.commissioner.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <h2 className="govuk-heading-m">Share with a commissioner</h2>
      <QueryState query={commissioners} what="The commissioners">
        {(list) => {
          const current = new Set((shares.data ?? []).map((s) => s.commissioner.ref));
          const available = list.filter((c) => !current.has(c.ref));
          return available.length === 0 ? (
            <p className="govuk-body">There are no other commissioners on this Deep Value server.</p>
          ) : (
            <form noValidate onSubmit={share}>
              <Select
                id="commissioner"
                label="Commissioner"
                emptyLabel="Choose a commissioner"
                options={available.map((c) => ({ value: c.ref, label: c.name }))}
                value={choice}
                onChange={setChoice}
                error={
                  submission.errors.find((e) => e.path === 'commissioner' || e.path === 'commissionerRef')?.message
                }
              />
              <button type="submit" className="govuk-button" disabled={submission.busy}>
                Share anonymised figures
              </button>
            </form>
          );
        }}
      </QueryState>
    </>
  );
}
