import type { ApiError } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { formatDate, formatGbp } from '../../app/format';
import { useMe } from '../../app/session';
import { useSubmission } from '../../app/submission';
import { Banner } from '../../ui/Banner';
import { ConflictView, type ConflictField } from '../../ui/ConflictView';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useUnitCosts, useUnitCostVersion } from './api';
import type { AdjustmentSet, Sensitivity, UnitCostRow, UnitCostVersion } from '@deepvalue/shared';

const KIND_LABELS = { fiscal: 'Public money', wellbeing: 'Wellbeing', client_financial: 'Money to client' } as const;
const SCENARIOS = ['low', 'central', 'high'] as const;
const ADJUSTMENTS: Array<{ key: keyof AdjustmentSet; label: string; hint: string }> = [
  { key: 'deadweight', label: 'Deadweight', hint: 'would have happened anyway' },
  { key: 'attribution', label: 'Attribution', hint: 'due to others' },
  { key: 'dropOff', label: 'Drop-off', hint: 'lost each further year' },
  { key: 'discountRate', label: 'Discount rate', hint: 'per year' },
];

interface RowDraft {
  valueGbp: string;
  source: string;
  year: string;
}
interface Draft {
  rows: Record<string, RowDraft>;
  hourlyCostGbp: string;
  sensitivity: Record<string, string>;
}

const pct = (share: number) => String(Math.round(share * 1000) / 10);

export function draftOf(v: UnitCostVersion): Draft {
  return {
    rows: Object.fromEntries(
      v.rows.map((r) => [
        r.key,
        {
          valueGbp: r.valueGbp == null ? '' : String(r.valueGbp),
          source: r.source,
          year: r.year == null ? '' : String(r.year),
        },
      ]),
    ),
    hourlyCostGbp: v.hourlyCostGbp == null ? '' : String(v.hourlyCostGbp),
    sensitivity: Object.fromEntries(
      SCENARIOS.flatMap((s) => ADJUSTMENTS.map((a) => [`${s}.${a.key}`, pct(v.sensitivity[s][a.key])])),
    ),
  };
}

const money = (text: string) => text.replace(/[£,\s]/g, '');

export function validateUnitCosts(draft: Draft, rows: UnitCostRow[]): ApiError[] {
  const errors: ApiError[] = [];
  for (const r of rows) {
    const d = draft.rows[r.key];
    const value = money(d.valueGbp);
    if (value && (!/^\d{1,8}(\.\d{1,2})?$/.test(value) || Number(value) <= 0))
      errors.push({
        path: `value-${r.key}`,
        message: `${r.label}: enter an amount in pounds more than £0, or leave it empty`,
      });
    if (!d.source.trim())
      errors.push({ path: `source-${r.key}`, message: `${r.label}: say where the figure comes from` });
    if (d.year && (!/^\d{4}$/.test(d.year) || Number(d.year) < 1900 || Number(d.year) > 2200))
      errors.push({ path: `year-${r.key}`, message: `${r.label}: enter the price year, like 2024` });
  }
  const hourly = money(draft.hourlyCostGbp);
  if (hourly && (!/^\d{1,5}(\.\d{1,2})?$/.test(hourly) || Number(hourly) <= 0))
    errors.push({ path: 'hourlyCostGbp', message: 'Enter the hourly cost in pounds, like 42.50, or leave it empty' });
  for (const [key, text] of Object.entries(draft.sensitivity)) {
    if (!/^\d{1,3}(\.\d)?$/.test(text.trim()) || Number(text) > 100)
      errors.push({ path: `adj-${key}`, message: 'Enter a percentage from 0 to 100' });
  }
  return errors;
}

function bodyOf(draft: Draft, rows: UnitCostRow[], basedOnVersion: number) {
  const sensitivity = Object.fromEntries(
    SCENARIOS.map((s) => [
      s,
      Object.fromEntries(ADJUSTMENTS.map((a) => [a.key, Number(draft.sensitivity[`${s}.${a.key}`]) / 100])),
    ]),
  ) as unknown as Sensitivity;
  return {
    basedOnVersion,
    rows: rows.map((r) => {
      const d = draft.rows[r.key];
      return {
        key: r.key,
        label: r.label,
        kind: r.kind,
        basis: r.basis,
        unit: r.unit,
        valueGbp: money(d.valueGbp) ? Number(money(d.valueGbp)) : null,
        source: d.source.trim(),
        year: d.year ? Number(d.year) : null,
      };
    }),
    sensitivity,
    hourlyCostGbp: money(draft.hourlyCostGbp) ? Number(money(draft.hourlyCostGbp)) : null,
  };
}

/** The unit-cost table, adjustments and hourly cost: each save is a new version; old ones stay readable. */
export function UnitCostsEditor() {
  const [params] = useSearchParams();
  const viewing = params.get('version') ? Number(params.get('version')) : undefined;
  const overview = useUnitCosts();
  const old = useUnitCostVersion(viewing);
  // Kept here: saving makes a new version, which remounts the editor.
  const [saved, setSaved] = useState<number>();
  if (viewing !== undefined) {
    return (
      <QueryState query={old} what="That version">
        {(v) => <ReadOnly version={v} />}
      </QueryState>
    );
  }
  return (
    <QueryState query={overview} what="The unit costs">
      {(view) => (
        <>
          {saved && (
            <Banner success>
              <p className="govuk-notification-banner__heading">Saved as version {saved}</p>
            </Banner>
          )}
          <Editor key={view.current.version} current={view.current} onSaved={setSaved} />
          <h2 className="govuk-heading-m">Version history</h2>
          <ul className="govuk-list">
            {[...view.versions].reverse().map((v) => (
              <li key={v.version}>
                <Link className="govuk-link" to={`/pricing/unit-costs?version=${v.version}`}>
                  Version {v.version}
                </Link>{' '}
                <span className="dv-muted">
                  saved {formatDate(v.createdAt.slice(0, 10))}
                  {v.createdBy ? ` by ${v.createdBy}` : ' (the sourced defaults)'}
                </span>
              </li>
            ))}
          </ul>
          <p className="govuk-body-s">An evidence pack records the version it used, so old packs can be re-created.</p>
        </>
      )}
    </QueryState>
  );
}

function ReadOnly({ version }: { version: UnitCostVersion }) {
  return (
    <>
      <p className="govuk-body">
        Version {version.version}, saved {formatDate(version.createdAt.slice(0, 10))}
        {version.createdBy ? ` by ${version.createdBy}` : ''}.{' '}
        <Link className="govuk-link" to="/pricing/unit-costs">
          Back to the current version
        </Link>
      </p>
      <table className="govuk-table">
        <caption className="govuk-visually-hidden">Unit costs in version {version.version}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Unit cost
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Value
            </th>
            <th scope="col" className="govuk-table__header">
              Source
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {version.rows.map((r) => (
            <tr key={r.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
                {r.label}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {r.valueGbp == null ? (r.note ?? 'not priced') : formatGbp(r.valueGbp)}
              </td>
              <td className="govuk-table__cell govuk-body-s">
                {r.source}
                {r.year ? ` (${r.year})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Editor({ current, onSaved }: { current: UnitCostVersion; onSaved: (version: number | undefined) => void }) {
  const me = useMe();
  const canEdit = me.role === 'manager' || me.role === 'commissioner';
  const [draft, setDraft] = useState(() => draftOf(current));
  const [conflict, setConflict] = useState<UnitCostVersion>();
  const submission = useSubmission();
  const client = useQueryClient();
  const { prompt, bypass } = useUnsavedChanges(JSON.stringify(draft) !== JSON.stringify(draftOf(current)));
  const rows = current.rows;

  async function save(toSave: Draft, basedOn: number) {
    const problems = validateUnitCosts(toSave, rows);
    submission.setErrors(problems);
    if (problems.length) return;
    const body = bodyOf(toSave, rows, basedOn);
    const result = await submission.submit(body, () => api<UnitCostVersion>('/unit-costs', { method: 'PUT', body }));
    if (result.ok) {
      bypass();
      onSaved(result.value.version);
      await client.invalidateQueries({ queryKey: ['unit-costs'] });
      await client.invalidateQueries({ queryKey: ['report'] });
    } else if (result.error?.isStale) {
      setConflict(result.error.body?.current as UnitCostVersion);
    }
  }

  const setRow = (key: string, field: keyof RowDraft, value: string) =>
    setDraft((d) => ({ ...d, rows: { ...d.rows, [key]: { ...d.rows[key], [field]: value } } }));
  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;

  if (conflict) {
    const theirs = draftOf(conflict);
    const flat = (d: Draft) => ({
      ...Object.fromEntries(
        Object.entries(d.rows).flatMap(([k, r]) => [
          [`${k}.valueGbp`, r.valueGbp],
          [`${k}.source`, r.source],
        ]),
      ),
      hourlyCostGbp: d.hourlyCostGbp,
      ...Object.fromEntries(Object.entries(d.sensitivity).map(([k, v]) => [`adj.${k}`, v])),
    });
    const fields: ConflictField[] = [
      ...rows.flatMap((r) => [
        { key: `${r.key}.valueGbp`, label: `${r.label} (£)` },
        { key: `${r.key}.source`, label: `${r.label}: source` },
      ]),
      { key: 'hourlyCostGbp', label: 'Hourly cost of adviser time (£)' },
      ...SCENARIOS.flatMap((s) =>
        ADJUSTMENTS.map((a) => ({ key: `adj.${s}.${a.key}`, label: `${a.label}, ${s} (%)` })),
      ),
    ];
    return (
      <ConflictView
        what="unit costs"
        fields={fields}
        mine={flat(draft)}
        theirs={{ ...flat(theirs), version: conflict.version }}
        busy={submission.busy}
        onResolve={(merged, version) => {
          const next: Draft = {
            rows: Object.fromEntries(
              rows.map((r) => [
                r.key,
                {
                  valueGbp: String(merged[`${r.key}.valueGbp`] ?? ''),
                  source: String(merged[`${r.key}.source`] ?? ''),
                  year: draft.rows[r.key].year,
                },
              ]),
            ),
            hourlyCostGbp: String(merged.hourlyCostGbp ?? ''),
            sensitivity: Object.fromEntries(
              Object.keys(draft.sensitivity).map((k) => [k, String(merged[`adj.${k}`] ?? '')]),
            ),
          };
          setDraft(next);
          setConflict(undefined);
          void save(next, version);
        }}
        onDiscard={() => {
          bypass();
          setConflict(undefined);
          void client.invalidateQueries({ queryKey: ['unit-costs'] });
        }}
      />
    );
  }

  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} />
      <p className="govuk-body">
        Version {current.version}
        {current.createdBy ? `, saved by ${current.createdBy}` : ' (the sourced defaults)'} on{' '}
        {formatDate(current.createdAt.slice(0, 10))}. Every figure needs a source. Leave a value empty where no figure
        can be cited: it shows as “not priced”, never as £0.
      </p>
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSaved(undefined);
          void save(draft, current.version);
        }}
      >
        <fieldset className="govuk-fieldset" disabled={!canEdit}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Unit costs</legend>
          <div className="dv-table-scroll">
            <table className="govuk-table dv-edit-table">
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Outcome priced
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Value (£)
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Source
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Year
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.map((r) => (
                  <tr key={r.key} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">
                      {r.label}
                      <span className="dv-block dv-muted govuk-body-s govuk-!-margin-0 govuk-!-font-weight-regular">
                        {KIND_LABELS[r.kind]} ·{' '}
                        {r.basis === 'recorded_amount'
                          ? 'the £ recorded on the outcome'
                          : r.unit === 'per_person_per_year'
                            ? 'per person per year'
                            : 'per event'}
                      </span>
                    </th>
                    <td className="govuk-table__cell">
                      {r.basis === 'recorded_amount' ? (
                        <span className="dv-muted">from the case</span>
                      ) : (
                        <TextInput
                          id={`value-${r.key}`}
                          label={<span className="govuk-visually-hidden">Value in pounds for {r.label}</span>}
                          prefix="£"
                          width={10}
                          inputMode="decimal"
                          placeholder="not priced"
                          value={draft.rows[r.key].valueGbp}
                          onChange={(e) => setRow(r.key, 'valueGbp', e.target.value)}
                          error={errorFor(`value-${r.key}`) && 'Check the amount'}
                        />
                      )}
                    </td>
                    <td className="govuk-table__cell">
                      <div className="govuk-form-group">
                        <label className="govuk-visually-hidden" htmlFor={`source-${r.key}`}>
                          Source for {r.label}
                        </label>
                        <textarea
                          id={`source-${r.key}`}
                          className={`govuk-textarea govuk-body-s${errorFor(`source-${r.key}`) ? ' govuk-textarea--error' : ''}`}
                          rows={2}
                          value={draft.rows[r.key].source}
                          onChange={(e) => setRow(r.key, 'source', e.target.value)}
                        />
                      </div>
                    </td>
                    <td className="govuk-table__cell">
                      <TextInput
                        id={`year-${r.key}`}
                        label={<span className="govuk-visually-hidden">Price year for {r.label}</span>}
                        width={4}
                        inputMode="numeric"
                        value={draft.rows[r.key].year}
                        onChange={(e) => setRow(r.key, 'year', e.target.value)}
                        error={errorFor(`year-${r.key}`) && 'Check the year'}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" disabled={!canEdit}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Cost of adviser time</legend>
          <TextInput
            id="hourlyCostGbp"
            label="Cost of an hour of adviser time"
            hint="Salary, on-costs and overheads. Needed for value per £1 spent."
            prefix="£"
            width={5}
            inputMode="decimal"
            value={draft.hourlyCostGbp}
            onChange={(e) => setDraft((d) => ({ ...d, hourlyCostGbp: e.target.value }))}
            error={errorFor('hourlyCostGbp')}
          />
        </fieldset>
        <fieldset className="govuk-fieldset" disabled={!canEdit}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Adjustments (%)</legend>
          <div className="govuk-hint">
            Social-value practice: the low, central and high scenarios give the range shown beside every figure.
          </div>
          <div className="dv-table-scroll">
            <table className="govuk-table dv-edit-table">
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Adjustment
                  </th>
                  {SCENARIOS.map((s) => (
                    <th key={s} scope="col" className="govuk-table__header">
                      {s[0].toUpperCase() + s.slice(1)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {ADJUSTMENTS.map((a) => (
                  <tr key={a.key} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">
                      {a.label}
                      <span className="dv-block dv-muted govuk-body-s govuk-!-margin-0 govuk-!-font-weight-regular">
                        {a.hint}
                      </span>
                    </th>
                    {SCENARIOS.map((s) => (
                      <td key={s} className="govuk-table__cell">
                        <TextInput
                          id={`adj-${s}.${a.key}`}
                          label={
                            <span className="govuk-visually-hidden">
                              {a.label}, {s} scenario, per cent
                            </span>
                          }
                          width={3}
                          suffix="%"
                          inputMode="decimal"
                          value={draft.sensitivity[`${s}.${a.key}`]}
                          onChange={(e) =>
                            setDraft((d) => ({
                              ...d,
                              sensitivity: { ...d.sensitivity, [`${s}.${a.key}`]: e.target.value },
                            }))
                          }
                          error={errorFor(`adj-${s}.${a.key}`) && 'Check'}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
        {canEdit ? (
          <button type="submit" className="govuk-button" disabled={submission.busy}>
            Save as a new version
          </button>
        ) : (
          <p className="govuk-body">Managers change the unit costs.</p>
        )}
      </form>
    </>
  );
}
