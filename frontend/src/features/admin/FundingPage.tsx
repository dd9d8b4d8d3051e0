import { type ApiError, type FundingRecord } from '@deepvalue/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { formatDate, formatGbp } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSession } from '../../app/session';
import { useSubmission } from '../../app/submission';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { TextInput } from '../../ui/TextInput';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';

type Values = { periodFrom: string; periodTo: string; amountGbp: string; funder: string };
const EMPTY: Values = { periodFrom: '', periodTo: '', amountGbp: '', funder: '' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateFunding(values: Values): ApiError[] {
  const errors: ApiError[] = [];
  if (!DATE.test(values.periodFrom))
    errors.push({ path: 'periodFrom', message: 'Enter the first day the funding paid for' });
  if (!DATE.test(values.periodTo))
    errors.push({ path: 'periodTo', message: 'Enter the last day the funding paid for' });
  else if (DATE.test(values.periodFrom) && values.periodTo < values.periodFrom)
    errors.push({ path: 'periodTo', message: 'The last day must be on or after the first day' });
  if (
    !/^\d+(\.\d{1,2})?$/.test(values.amountGbp.replace(/,/g, '').trim()) ||
    Number(values.amountGbp.replace(/,/g, '')) <= 0
  )
    errors.push({ path: 'amountGbp', message: 'Enter an amount in pounds more than £0, like 125000 or 125000.50' });
  if (!values.funder.trim()) errors.push({ path: 'funder', message: 'Enter who paid the funding' });
  return errors;
}

/** The funding the organisation received, period by period: evidence packs divide value by it. */
export function FundingPage() {
  usePageTitle('Funding received');
  const { me } = useSession();
  const records = useQuery({
    queryKey: ['organisation-funding'],
    queryFn: ({ signal }) => api<FundingRecord[]>('/organisation/funding', { signal }),
  });
  const [values, setValues] = useState(EMPTY);
  // The record being corrected (PUT), or none (a new record, POST).
  const [editing, setEditing] = useState<FundingRecord>();
  const [done, setDone] = useState<string>();
  const submission = useSubmission();
  const client = useQueryClient();
  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  const field = (key: keyof Values) => ({
    id: key,
    value: values[key],
    error: errorFor(key),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });

  async function add(event: FormEvent) {
    event.preventDefault();
    setDone(undefined);
    const problems = validateFunding(values);
    submission.setErrors(problems);
    if (problems.length) return;
    const body = {
      periodFrom: values.periodFrom,
      periodTo: values.periodTo,
      amountGbp: Number(values.amountGbp.replace(/,/g, '')),
      funder: values.funder.trim(),
    };
    const result = await submission.submit(body, (idempotencyKey) =>
      editing
        ? api<FundingRecord>(`/organisation/funding/${editing.id}`, { method: 'PUT', body })
        : api<FundingRecord>('/organisation/funding', { method: 'POST', body, idempotencyKey }),
    );
    if (result.ok) {
      setDone(
        `${editing ? 'Saved' : 'Recorded'} ${formatGbp(result.value.amountGbp)} for ${formatDate(result.value.periodFrom)} to ${formatDate(result.value.periodTo)}`,
      );
      setValues(EMPTY);
      setEditing(undefined);
      await client.invalidateQueries({ queryKey: ['organisation-funding'] });
    }
  }

  function edit(record: FundingRecord) {
    setDone(undefined);
    submission.setErrors([]);
    setEditing(record);
    setValues({
      periodFrom: record.periodFrom,
      periodTo: record.periodTo,
      amountGbp: String(record.amountGbp),
      funder: record.funder,
    });
  }

  function cancel() {
    submission.setErrors([]);
    setEditing(undefined);
    setValues(EMPTY);
  }

  async function remove(record: FundingRecord) {
    const result = await submission.submit({ remove: record.id }, () =>
      api(`/organisation/funding/${record.id}`, { method: 'DELETE' }),
    );
    if (result.ok) {
      setDone(`Deleted the funding for ${formatDate(record.periodFrom)} to ${formatDate(record.periodTo)}`);
      await client.invalidateQueries({ queryKey: ['organisation-funding'] });
    }
  }

  return (
    <>
      {me?.role === 'admin' && <AdminBreadcrumbs />}
      {done && (
        <Banner success>
          <p className="govuk-notification-banner__heading">{done}</p>
        </Banner>
      )}
      <ErrorSummary errors={submission.errors} />
      <h1 className="govuk-heading-l">Funding received</h1>
      <p className="govuk-body">
        Evidence packs show the public money saved for every £1 of funding. A pack uses the funding whose periods lie
        inside its period and together cover every day of it. Funding for a longer period is never split, so record each
        grant for the period it paid for (for example, each quarter’s payment), and a pack for a year then adds them up.
      </p>
      <QueryState query={records} what="The funding recorded">
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">
              No funding recorded yet, so packs say so instead of giving value per £1 of funding.
            </p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Recorded</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    From
                  </th>
                  <th scope="col" className="govuk-table__header">
                    To
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Funder
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Amount
                  </th>
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {list.map((r) => (
                  <tr key={r.id} className="govuk-table__row">
                    <td className="govuk-table__cell">{formatDate(r.periodFrom)}</td>
                    <td className="govuk-table__cell">{formatDate(r.periodTo)}</td>
                    <td className="govuk-table__cell">{r.funder}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{formatGbp(r.amountGbp)}</td>
                    <td className="govuk-table__cell">
                      <button
                        type="button"
                        className="dv-link-button dv-link-button--dark govuk-!-margin-right-3"
                        disabled={submission.busy}
                        onClick={() => edit(r)}
                      >
                        Edit
                        <span className="govuk-visually-hidden"> the funding from {formatDate(r.periodFrom)}</span>
                      </button>
                      <button
                        type="button"
                        className="dv-link-button dv-link-button--dark"
                        disabled={submission.busy}
                        onClick={() => void remove(r)}
                      >
                        Delete
                        <span className="govuk-visually-hidden"> the funding from {formatDate(r.periodFrom)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <h2 className="govuk-heading-m">
        {editing
          ? `Correct the funding for ${formatDate(editing.periodFrom)} to ${formatDate(editing.periodTo)}`
          : 'Record funding'}
      </h2>
      <form noValidate className="govuk-!-width-two-thirds dv-form" onSubmit={(e) => void add(e)}>
        <TextInput label="First day it paid for" type="date" width={10} {...field('periodFrom')} />
        <TextInput label="Last day it paid for" type="date" width={10} {...field('periodTo')} />
        <TextInput label="Amount" prefix="£" width={10} inputMode="decimal" {...field('amountGbp')} />
        <TextInput label="Who paid it" hint="For example, County council advice contract" {...field('funder')} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={submission.busy}>
            {editing ? 'Save changes' : 'Record funding'}
          </button>
          {editing && (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={cancel}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </>
  );
}
