import { type ApiError, CATEGORIES, labelOf } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { formatDate, formatNumber, isIsoDate } from '../../app/format';
import { useMe } from '../../app/session';
import { useSubmission } from '../../app/submission';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useFeeTable } from './api';
import type { FeeTableView } from '@deepvalue/shared';

interface RowDraft {
  category: string;
  effectiveFrom: string;
  fixedFeeGbp: string;
  escapeThresholdGbp: string;
  hourlyRateGbp: string;
  source: string;
}

const text = (n: number | null) => (n == null ? '' : String(n));
export const feeDraftOf = (t: FeeTableView): RowDraft[] =>
  t.rows.map((r) => ({
    category: r.category,
    effectiveFrom: r.effectiveFrom,
    fixedFeeGbp: text(r.fixedFeeGbp),
    escapeThresholdGbp: text(r.escapeThresholdGbp),
    hourlyRateGbp: text(r.hourlyRateGbp),
    source: r.source,
  }));

const MONEY = /^\d{1,6}(\.\d{1,2})?$/;
const pounds = (s: string) => s.replace(/[£,\s]/g, '');

export function validateFeeRows(rows: RowDraft[]): ApiError[] {
  const errors: ApiError[] = [];
  if (!rows.length) errors.push({ path: 'add-row', message: 'Add at least one fee' });
  rows.forEach((r, i) => {
    const n = `Row ${i + 1}`;
    if (!isIsoDate(r.effectiveFrom))
      errors.push({ path: `fee-${i}-from`, message: `${n}: enter the date the fee applies from` });
    if (!MONEY.test(pounds(r.fixedFeeGbp)) || Number(pounds(r.fixedFeeGbp)) <= 0)
      errors.push({ path: `fee-${i}-fee`, message: `${n}: enter the fixed fee in pounds` });
    for (const [key, label] of [
      ['escapeThresholdGbp', 'escape threshold'],
      ['hourlyRateGbp', 'hourly rate'],
    ] as const) {
      const value = pounds(r[key]);
      if (value && (!MONEY.test(value) || Number(value) <= 0))
        errors.push({ path: `fee-${i}-${key}`, message: `${n}: enter the ${label} in pounds, or leave it empty` });
    }
    if (!r.source.trim()) errors.push({ path: `fee-${i}-source`, message: `${n}: say where the fee comes from` });
  });
  return errors;
}

/** The fixed fees per category, with the local hourly rate that turns a fee into hours. */
export function FeeTableEditor() {
  const table = useFeeTable();
  // Kept here: saving makes a new version, which remounts the editor.
  const [saved, setSaved] = useState<number>();
  return (
    <>
      {saved && (
        <Banner success>
          <p className="govuk-notification-banner__heading">Fee table saved as version {saved}</p>
        </Banner>
      )}
      <QueryState query={table} what="The fee table">
        {(t) => <Editor key={t.version} table={t} onSaved={setSaved} />}
      </QueryState>
    </>
  );
}

function Editor({ table, onSaved }: { table: FeeTableView; onSaved: (version: number | undefined) => void }) {
  const me = useMe();
  const canEdit = me.role === 'manager';
  const [rows, setRows] = useState(() => feeDraftOf(table));
  const [stale, setStale] = useState<FeeTableView>();
  const submission = useSubmission();
  const client = useQueryClient();
  const { prompt, bypass } = useUnsavedChanges(JSON.stringify(rows) !== JSON.stringify(feeDraftOf(table)));
  const setRow = (i: number, key: keyof RowDraft, value: string) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, [key]: value } : r)));

  async function save(version: number) {
    const problems = validateFeeRows(rows);
    submission.setErrors(problems);
    if (problems.length) return;
    const body = {
      version,
      rows: rows.map((r) => ({
        category: r.category,
        effectiveFrom: r.effectiveFrom,
        fixedFeeGbp: Number(pounds(r.fixedFeeGbp)),
        // Left empty: the scheme's default of 3 × the fixed fee.
        ...(pounds(r.escapeThresholdGbp) ? { escapeThresholdGbp: Number(pounds(r.escapeThresholdGbp)) } : {}),
        hourlyRateGbp: pounds(r.hourlyRateGbp) ? Number(pounds(r.hourlyRateGbp)) : null,
        source: r.source.trim(),
      })),
    };
    const result = await submission.submit(body, () => api<FeeTableView>('/fee-rates', { method: 'PUT', body }));
    if (result.ok) {
      bypass();
      onSaved(result.value.version);
      setStale(undefined);
      await client.invalidateQueries({ queryKey: ['fee-rates'] });
      await client.invalidateQueries({ queryKey: ['report'] });
    } else if (result.error?.isStale) {
      setStale(result.error.body?.current as FeeTableView);
    }
  }

  const err = (path: string) => submission.errors.some((e) => e.path === path);
  const cls = (base: string, path: string) => `${base}${err(path) ? ` ${base}--error` : ''}`;
  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} />
      <p className="govuk-body">
        {table.usingDefaults
          ? 'The national Legal Help fixed fees are in use. Add your hourly rate to see the hours each fee pays for.'
          : `Version ${table.version}${table.updatedBy ? `, saved by ${table.updatedBy}` : ''}${table.updatedAt ? ` on ${formatDate(table.updatedAt.slice(0, 10))}` : ''}.`}{' '}
        A fee applies to cases opened on or after its date.
      </p>
      {stale && (
        <div className="dv-conflict" role="alert">
          <h2 className="govuk-heading-m">Someone else saved the fee table while you were editing</h2>
          <p className="govuk-body">
            They saved version {stale.version} with {stale.rows.length} fees. Your changes are still below and have not
            been saved.
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {stale.rows.map((r, i) => (
              <li key={i}>
                {labelOf(r.category)} from {formatDate(r.effectiveFrom)}: £{formatNumber(r.fixedFeeGbp, 2)}
                {r.hourlyRateGbp != null ? `, £${formatNumber(r.hourlyRateGbp, 2)} an hour` : ''}
              </li>
            ))}
          </ul>
          <div className="govuk-button-group">
            <button type="button" className="govuk-button" onClick={() => void save(stale.version)}>
              Save my version over theirs
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => {
                bypass();
                void client.invalidateQueries({ queryKey: ['fee-rates'] });
              }}
            >
              Discard my changes and show theirs
            </button>
          </div>
        </div>
      )}
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSaved(undefined);
          void save(table.version);
        }}
      >
        <fieldset className="govuk-fieldset" disabled={!canEdit}>
          <legend className="govuk-visually-hidden">Fees</legend>
          <div className="dv-table-scroll">
            <table className="govuk-table dv-edit-table">
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Category
                  </th>
                  <th scope="col" className="govuk-table__header">
                    From
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Fixed fee (£)
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Escape threshold (£)
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Hourly rate (£)
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Source
                  </th>
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.map((r, i) => {
                  const name = `row ${i + 1} (${labelOf(r.category)})`;
                  return (
                    <tr key={i} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        <label className="govuk-visually-hidden" htmlFor={`fee-${i}-category`}>
                          Category, {name}
                        </label>
                        <select
                          id={`fee-${i}-category`}
                          className="govuk-select"
                          value={r.category}
                          onChange={(e) => setRow(i, 'category', e.target.value)}
                        >
                          {CATEGORIES.map((c) => (
                            <option key={c} value={c}>
                              {labelOf(c)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="govuk-table__cell">
                        <label className="govuk-visually-hidden" htmlFor={`fee-${i}-from`}>
                          Applies from, {name}
                        </label>
                        <input
                          id={`fee-${i}-from`}
                          type="date"
                          className={cls('govuk-input', `fee-${i}-from`)}
                          value={r.effectiveFrom}
                          onChange={(e) => setRow(i, 'effectiveFrom', e.target.value)}
                        />
                      </td>
                      {(['fixedFeeGbp', 'escapeThresholdGbp', 'hourlyRateGbp'] as const).map((key) => {
                        const id = key === 'fixedFeeGbp' ? `fee-${i}-fee` : `fee-${i}-${key}`;
                        const label =
                          key === 'fixedFeeGbp'
                            ? 'Fixed fee'
                            : key === 'escapeThresholdGbp'
                              ? 'Escape threshold (empty for 3 × the fee)'
                              : 'Hourly rate of adviser time';
                        return (
                          <td key={key} className="govuk-table__cell">
                            <label className="govuk-visually-hidden" htmlFor={id}>
                              {label} in pounds, {name}
                            </label>
                            <input
                              id={id}
                              className={cls('govuk-input govuk-input--width-5', id)}
                              inputMode="decimal"
                              placeholder={
                                key === 'escapeThresholdGbp' ? '3 × fee' : key === 'hourlyRateGbp' ? 'not known' : ''
                              }
                              value={r[key]}
                              onChange={(e) => setRow(i, key, e.target.value)}
                            />
                          </td>
                        );
                      })}
                      <td className="govuk-table__cell">
                        <label className="govuk-visually-hidden" htmlFor={`fee-${i}-source`}>
                          Source, {name}
                        </label>
                        <textarea
                          id={`fee-${i}-source`}
                          rows={2}
                          className={cls('govuk-textarea govuk-body-s', `fee-${i}-source`)}
                          value={r.source}
                          onChange={(e) => setRow(i, 'source', e.target.value)}
                        />
                      </td>
                      <td className="govuk-table__cell">
                        <button
                          type="button"
                          className="dv-link-button dv-link-button--dark"
                          onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                        >
                          Remove<span className="govuk-visually-hidden"> {name}</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </fieldset>
        {canEdit ? (
          <div className="govuk-button-group">
            <button
              id="add-row"
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() =>
                setRows((all) => [
                  ...all,
                  {
                    category: 'housing',
                    effectiveFrom: '',
                    fixedFeeGbp: '',
                    escapeThresholdGbp: '',
                    hourlyRateGbp: '',
                    source: '',
                  },
                ])
              }
            >
              Add a fee
            </button>
            <button type="submit" className="govuk-button" disabled={submission.busy}>
              Save the fee table
            </button>
          </div>
        ) : (
          <p className="govuk-body">Managers change the fee table.</p>
        )}
      </form>
    </>
  );
}
