import type { ImportJob } from '@deepvalue/shared';
import {
  CATEGORIES,
  fieldAllowedIn,
  labelOf,
  mappingParts,
  matchCategory,
  matchChoice,
  SHEET_FIELD,
  SHEET_FIELDS,
  SHEET_RECORDS,
  subcategoryLabel,
  type SavedSheetMapping,
  type SheetColumns,
  type SheetDryRun,
  type SheetInspection,
  type SheetMapping,
  type SheetPart,
} from '@deepvalue/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiRequestError, newIdempotencyKey, writeHeaders } from '../../app/api';
import { formatNumber, formatPercent } from '../../app/format';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { uploadFile } from './upload';

type Errors = Array<{ path: string; message: string }>;

const errorsOf = (error: unknown): Errors =>
  error instanceof ApiRequestError ? error.errors : [{ path: '', message: String(error) }];

/**
 * Import a spreadsheet (docs/spreadsheet-import.md): upload a CSV or XLSX file, confirm which column is which field
 * and what its values mean, check it with a dry run (every problem on its row and column), then
 * import it. The same upload can be checked again after changing the mapping; a corrected file is
 * uploaded again and keeps the mapping when its columns are the same.
 */
export function SpreadsheetImport() {
  const [file, setFile] = useState<File>();
  const [uploading, setUploading] = useState<number>();
  const [inspection, setInspection] = useState<SheetInspection>();
  const [mapping, setMapping] = useState<SheetMapping>();
  const [errors, setErrors] = useState<Errors>([]);
  const [dryRun, setDryRun] = useState<SheetDryRun>();
  const [checking, setChecking] = useState(false);
  const [jobId, setJobId] = useState<string>();
  const [savedAs, setSavedAs] = useState('');
  const [savedNote, setSavedNote] = useState<string>();
  const client = useQueryClient();
  const saved = useQuery({
    queryKey: ['sheet-mappings'],
    queryFn: ({ signal }) => api<SavedSheetMapping[]>('/imports/spreadsheet-mappings', { signal }),
  });
  const job = useQuery({
    queryKey: ['import', jobId],
    queryFn: ({ signal }) => api<ImportJob>(`/imports/${jobId}`, { signal }),
    enabled: Boolean(jobId),
    refetchInterval: (query) =>
      query.state.data?.status === 'succeeded' || query.state.data?.status === 'failed' ? false : 1000,
  });

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file || !/\.(csv|xlsx)$/i.test(file.name)) {
      setErrors([{ path: 'sheet-file', message: 'Choose a .csv or .xlsx file to upload' }]);
      return;
    }
    setErrors([]);
    setDryRun(undefined);
    setJobId(undefined);
    setUploading(0);
    try {
      const seen = await uploadFile<SheetInspection>(
        `/imports/spreadsheets?fileName=${encodeURIComponent(file.name)}`,
        file,
        newIdempotencyKey(),
        setUploading,
      );
      setInspection(seen);
      // A corrected file with the same columns keeps the mapping the manager has made.
      setMapping((current) => (current && fits(current, seen) ? current : seen.proposal));
    } catch (error) {
      setErrors(errorsOf(error).map((e) => ({ ...e, path: 'sheet-file' })));
    } finally {
      setUploading(undefined);
    }
  }

  async function check() {
    if (!inspection || !mapping) return;
    setChecking(true);
    setErrors([]);
    try {
      setDryRun(
        await api<SheetDryRun>(`/imports/spreadsheets/${inspection.uploadId}/dry-run`, {
          method: 'POST',
          body: { mapping },
        }),
      );
    } catch (error) {
      setDryRun(undefined);
      setErrors(errorsOf(error));
    } finally {
      setChecking(false);
    }
  }

  async function importNow() {
    if (!inspection || !mapping) return;
    setErrors([]);
    try {
      const name = encodeURIComponent(inspection.fileName ?? 'spreadsheet');
      const started = await api<ImportJob>(`/imports/spreadsheets/${inspection.uploadId}/import?fileName=${name}`, {
        method: 'POST',
        body: { mapping },
        idempotencyKey: newIdempotencyKey(),
      });
      setJobId(started.id);
      client.setQueryData(['import', started.id], started);
    } catch (error) {
      setErrors(errorsOf(error));
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!mapping) return;
    if (!savedAs.trim()) {
      setErrors([{ path: 'mapping-name', message: 'Give the mapping a name, e.g. Monthly casework sheet' }]);
      return;
    }
    try {
      await api(`/imports/spreadsheet-mappings/${encodeURIComponent(savedAs.trim())}`, {
        method: 'PUT',
        body: { mapping },
      });
      setSavedNote(`Saved as “${savedAs.trim()}”. Choose it next month after uploading the sheet.`);
      await saved.refetch();
    } catch (error) {
      setErrors(errorsOf(error));
    }
  }

  const change = (next: SheetMapping) => {
    setMapping(next);
    setDryRun(undefined);
  };
  const done = job.data?.status === 'succeeded';
  return (
    <>
      <p className="govuk-body">
        <Link className="govuk-link" to="/data">
          Back to import and export
        </Link>
      </p>
      <h1 className="govuk-heading-l">Import a spreadsheet</h1>
      <p className="govuk-body">
        Upload your casework spreadsheet as it is: a CSV file or an Excel workbook (.xlsx), with one row per case or one
        row per session (case columns repeated), or a sheet of cases and a sheet of time entries. You say which column
        is which, check it with a dry run, then import it. Nothing is written until you import, and then all or nothing.
        Importing next month’s sheet updates the cases by their reference; it never duplicates them, and a blank cell
        leaves what Deep Value already holds.{' '}
        <a className="govuk-link" href="#how">
          How the sheet is read
        </a>
        .
      </p>
      <ErrorSummary errors={errors} />
      <form noValidate onSubmit={upload} className="govuk-!-margin-bottom-6">
        <div
          className={`govuk-form-group${errors.some((e) => e.path === 'sheet-file') ? ' govuk-form-group--error' : ''}`}
        >
          <label className="govuk-label govuk-label--s" htmlFor="sheet-file">
            Spreadsheet
          </label>
          <div id="sheet-file-hint" className="govuk-hint">
            A .csv or .xlsx file. The first row must hold the column names.
          </div>
          <input
            id="sheet-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="govuk-file-upload"
            aria-describedby="sheet-file-hint"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={uploading !== undefined}>
          Upload and look at the columns
        </button>
        {uploading !== undefined && (
          <p className="govuk-body" role="status">
            Uploading {file?.name} ({formatPercent(uploading)})
          </p>
        )}
      </form>

      {inspection && mapping && (
        <>
          {saved.data && saved.data.length > 0 && (
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="saved-mapping">
                Use a saved mapping
              </label>
              <select
                id="saved-mapping"
                className="govuk-select"
                value=""
                onChange={(e) => {
                  const chosen = saved.data.find((s) => s.name === e.target.value);
                  if (chosen) change(chosen.mapping);
                }}
              >
                <option value="">Choose a mapping…</option>
                {saved.data.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <ColumnsStep inspection={inspection} mapping={mapping} onChange={change} />
          <ValuesStep inspection={inspection} mapping={mapping} onChange={change} />
          <DefaultsStep mapping={mapping} onChange={change} />
          <button type="button" className="govuk-button" onClick={check} disabled={checking}>
            Check the file (dry run)
          </button>
          {dryRun && (
            <DryRunResult
              result={dryRun}
              uploadId={inspection.uploadId}
              mapping={mapping}
              onImport={importNow}
              importing={Boolean(jobId)}
            />
          )}
          {job.data && !done && job.data.status !== 'failed' && (
            <div className="govuk-!-margin-bottom-6" aria-live="polite">
              <p className="govuk-body govuk-!-margin-bottom-1">Importing ({formatPercent(job.data.progress)})</p>
              <progress className="dv-progress" max={1} value={job.data.progress} aria-label="Import progress">
                {formatPercent(job.data.progress)}
              </progress>
            </div>
          )}
          {done && (
            <div className="govuk-panel govuk-panel--confirmation" role="status">
              <h2 className="govuk-panel__title">Import complete</h2>
              <div className="govuk-panel__body">
                {formatNumber(Number(job.data?.summary?.cases ?? 0))} cases (
                {formatNumber(Number(job.data?.summary?.cases ?? 0) - Number(job.data?.summary?.replacedCases ?? 0))}{' '}
                new, {formatNumber(Number(job.data?.summary?.replacedCases ?? 0))} updated),{' '}
                {formatNumber(Number(job.data?.summary?.timeEntries ?? 0))} time entries
              </div>
            </div>
          )}
          {job.data?.status === 'failed' && (
            <div className="govuk-error-summary" role="alert" aria-labelledby="sheet-import-failed">
              <h2 className="govuk-error-summary__title" id="sheet-import-failed">
                Nothing was imported
              </h2>
              <ul className="govuk-list govuk-error-summary__list">
                {job.data.errors.map((e, i) => (
                  <li key={i}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
                ))}
              </ul>
            </div>
          )}
          <form noValidate onSubmit={save} className="govuk-!-margin-top-6">
            <h2 className="govuk-heading-m">Save this mapping for next month</h2>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="mapping-name">
                Name
              </label>
              <input
                id="mapping-name"
                className="govuk-input govuk-input--width-20"
                value={savedAs}
                onChange={(e) => setSavedAs(e.target.value)}
              />
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary">
              Save mapping
            </button>
            {savedNote && (
              <p className="govuk-body" role="status">
                {savedNote}
              </p>
            )}
          </form>
        </>
      )}
      <HowItIsRead />
    </>
  );
}

/** The mapping names only columns the new file has (same sheets too). */
function fits(mapping: SheetMapping, seen: SheetInspection): boolean {
  const sheetOf = (s: SheetColumns | null | undefined) =>
    seen.sheets.find((x) => (s?.sheet ?? seen.sheets[0]?.name) === x.name);
  return mappingParts(mapping).every(([, s]) => {
    const sheet = sheetOf(s);
    return Boolean(sheet) && Object.keys(s.columns).every((h) => sheet!.headers.includes(h));
  });
}

function ColumnsStep({
  inspection,
  mapping,
  onChange,
}: {
  inspection: SheetInspection;
  mapping: SheetMapping;
  onChange: (m: SheetMapping) => void;
}) {
  const parts = mappingParts(mapping);
  const what = (role: SheetPart) => (role === 'cases' ? 'cases' : SHEET_RECORDS.find((r) => r.part === role)!.label);
  return (
    <>
      <h2 className="govuk-heading-m">Which column is which</h2>
      {parts.map(([role, part]) => {
        const sheet = inspection.sheets.find((s) => s.name === (part.sheet ?? inspection.sheets[0].name))!;
        const fields = SHEET_FIELDS.filter((f) => fieldAllowedIn(role, f.key));
        return (
          <Scroll label={`Columns of the ${what(role)}`} key={role}>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">
                {inspection.kind === 'xlsx' ? `Sheet ‘${sheet.name}’: ` : ''}
                {what(role)} ({formatNumber(sheet.rows)} rows)
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Column
                  </th>
                  <th scope="col" className="govuk-table__header">
                    First values
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Deep Value field
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {sheet.headers.map((header, i) =>
                  header ? (
                    <tr className="govuk-table__row" key={header}>
                      <th scope="row" className="govuk-table__header">
                        {header}
                      </th>
                      <td className="govuk-table__cell dv-muted">
                        {sheet.samples
                          .slice(0, 3)
                          .map((s) => s.cells[i])
                          .filter(Boolean)
                          .join(' · ')}
                      </td>
                      <td className="govuk-table__cell">
                        <select
                          className="govuk-select"
                          aria-label={`Field for column ${header}`}
                          value={part.columns[header] ?? ''}
                          onChange={(e) =>
                            onChange({
                              ...mapping,
                              [role]: { ...part, columns: { ...part.columns, [header]: e.target.value || null } },
                            })
                          }
                        >
                          <option value="">Do not import</option>
                          {fields.map((f) => (
                            <option key={f.key} value={f.key}>
                              {f.label}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ) : null,
                )}
              </tbody>
            </table>
          </Scroll>
        );
      })}
    </>
  );
}

/** The code a cell value is read as now: the mapping's choice, else what the importer recognises. */
function currentCode(key: string, text: string, mapping: SheetMapping): string {
  const mapped = mapping.values?.[key]?.[text];
  if (mapped) return mapped;
  if (key === 'case.category') return matchCategory(text) ?? '';
  return matchChoice(text, SHEET_FIELD.get(key)?.choices ?? []) ?? '';
}

const codeLabel = (code: string) => {
  const [category, sub] = code.split('/');
  return sub ? `${labelOf(category)} – ${subcategoryLabel(sub)}` : labelOf(code);
};

function ValuesStep({
  inspection,
  mapping,
  onChange,
}: {
  inspection: SheetInspection;
  mapping: SheetMapping;
  onChange: (m: SheetMapping) => void;
}) {
  const rows: Array<{ key: string; header: string; values: string[] }> = [];
  for (const [, part] of mappingParts(mapping)) {
    const sheet = inspection.sheets.find((s) => s.name === (part.sheet ?? inspection.sheets[0].name));
    for (const [header, key] of Object.entries(part.columns)) {
      const field = key ? SHEET_FIELD.get(key) : undefined;
      if (!key || !field?.choices || field.kind === 'list') continue;
      const values = sheet?.distinct[header];
      if (values?.length) rows.push({ key, header, values });
    }
  }
  if (!rows.length) return null;
  return (
    <>
      <h2 className="govuk-heading-m">What the values mean</h2>
      <p className="govuk-body">
        Values Deep Value recognises are chosen for you; choose the rest. A category can carry a sub-category, e.g.
        “Housing – possession”.
      </p>
      {rows.map(({ key, header, values }) => {
        const field = SHEET_FIELD.get(key)!;
        const base = key === 'case.category' ? [...CATEGORIES] : [...(field.choices ?? [])];
        return (
          <Scroll label={`Values of column ${header}`} key={`${key}-${header}`}>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">
                Column ‘{header}’ → {field.label}
              </caption>
              <tbody className="govuk-table__body">
                {values.map((text) => {
                  const code = currentCode(key, text, mapping);
                  const options = code && !base.includes(code) ? [code, ...base] : base;
                  return (
                    <tr className="govuk-table__row" key={text}>
                      <th scope="row" className="govuk-table__header">
                        {text}
                      </th>
                      <td className="govuk-table__cell">
                        <select
                          className={`govuk-select${code ? '' : ' govuk-select--error'}`}
                          aria-label={`${field.label} for ‘${text}’`}
                          value={code}
                          onChange={(e) =>
                            onChange({
                              ...mapping,
                              values: {
                                ...mapping.values,
                                [key]: { ...(mapping.values?.[key] ?? {}), [text]: e.target.value },
                              },
                            })
                          }
                        >
                          {!code && <option value="">Not recognised: choose…</option>}
                          {options.map((c) => (
                            <option key={c} value={c}>
                              {codeLabel(c)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Scroll>
        );
      })}
    </>
  );
}

/** Defaults for fields no column gives (codes only: a default name or date would rarely be right for every case). */
const DEFAULTABLE = ['case.fundingStream', 'case.category', 'case.arrival', 'time.mode', 'time.class', 'time.activity'];

function DefaultsStep({ mapping, onChange }: { mapping: SheetMapping; onChange: (m: SheetMapping) => void }) {
  const mapped = new Set(
    mappingParts(mapping)
      .flatMap(([, p]) => Object.values(p.columns))
      .filter(Boolean),
  );
  const hasTime = [...mapped].some((k) => k?.startsWith('time.'));
  const keys = DEFAULTABLE.filter((k) => !mapped.has(k) && (hasTime || !k.startsWith('time.')));
  if (!keys.length) return null;
  return (
    <>
      <h2 className="govuk-heading-m">For what no column gives</h2>
      <p className="govuk-body">Used for new cases (and time entries) where the sheet has no column or a blank cell.</p>
      {keys.map((key) => {
        const field = SHEET_FIELD.get(key)!;
        const id = `default-${key.replace('.', '-')}`;
        return (
          <div className="govuk-form-group" key={key}>
            <label className="govuk-label" htmlFor={id}>
              {field.label}
            </label>
            {field.hint && <div className="govuk-hint">{field.hint}</div>}
            <select
              id={id}
              className="govuk-select"
              value={mapping.defaults?.[key] ?? ''}
              onChange={(e) => {
                const defaults = { ...(mapping.defaults ?? {}) };
                if (e.target.value) defaults[key] = e.target.value;
                else delete defaults[key];
                onChange({ ...mapping, defaults });
              }}
            >
              <option value="">No default</option>
              {(field.choices ?? []).map((c) => (
                <option key={c} value={c}>
                  {labelOf(c)}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </>
  );
}

function DryRunResult({
  result,
  uploadId,
  mapping,
  onImport,
  importing,
}: {
  result: SheetDryRun;
  uploadId: string;
  mapping: SheetMapping;
  onImport: () => void;
  importing: boolean;
}) {
  async function downloadRejected() {
    const response = await fetch(`/api/imports/spreadsheets/${uploadId}/rejected-rows`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...writeHeaders() },
      body: JSON.stringify({ mapping }),
    });
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'rejected-rows.csv';
    a.click();
    URL.revokeObjectURL(url);
  }
  const records = [
    [result.notes, 'case notes'],
    [result.keyDates, 'key dates'],
    [result.parties, 'parties'],
  ].flatMap(([n, what]) => (Number(n) > 0 ? [`${formatNumber(Number(n))} ${what}`] : []));
  const summary = `${formatNumber(result.rows)} rows → ${formatNumber(result.cases)} cases (${formatNumber(result.newCases)} new, ${formatNumber(result.updatedCases)} to update) with ${formatNumber(result.timeEntries)} time entries${records.length ? `, ${records.join(', ')} (any already on its case is kept as it is, not added again)` : ''}`;
  return (
    <section aria-labelledby="dry-run-title" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="dry-run-title">
        Dry run
      </h2>
      <p className="govuk-body">{summary}.</p>
      {result.timeEntriesRemoved > 0 && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            {formatNumber(result.timeEntriesRemoved)} time entries Deep Value holds for these cases are not in the
            sheet: importing replaces them with the sheet’s.
          </strong>
        </div>
      )}
      {result.ok ? (
        <button type="button" className="govuk-button" onClick={onImport} disabled={importing}>
          Import {formatNumber(result.cases)} cases
        </button>
      ) : (
        <div className="govuk-error-summary" role="alert" aria-labelledby="dry-run-problems" tabIndex={-1}>
          <h3 className="govuk-error-summary__title" id="dry-run-problems">
            {formatNumber(result.problemCount)} {result.problemCount === 1 ? 'problem' : 'problems'}: nothing can be
            imported yet
          </h3>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">
              Change the mapping above, or correct the spreadsheet and upload it again. Each problem says where it is.
            </p>
            <ul className="govuk-list govuk-error-summary__list" aria-label="Problems">
              {result.problems.map((p, i) => (
                <li key={i}>{p.text}</li>
              ))}
            </ul>
            {result.problemCount > result.problems.length && (
              <p className="govuk-body">
                The first {formatNumber(result.problems.length)} are shown; the rejected rows file lists them all.
              </p>
            )}
            <button type="button" className="govuk-button govuk-button--secondary" onClick={downloadRejected}>
              Download the rejected rows (CSV)
            </button>
          </div>
        </div>
      )}
      {result.preview.length > 0 && (
        <Scroll label="Preview">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              The first cases as they will be recorded
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {[
                  'Row',
                  'Case',
                  'Client',
                  'Category',
                  'Opened',
                  'Closed',
                  'Lead adviser',
                  'Funding',
                  'Outcome',
                  'Time',
                ].map((h) => (
                  <th scope="col" className="govuk-table__header" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {result.preview.map((c) => (
                <tr className="govuk-table__row" key={c.ref}>
                  <td className="govuk-table__cell">{c.row}</td>
                  <td className="govuk-table__cell">
                    {c.ref} <span className="dv-muted">({c.status === 'new' ? 'new' : 'update'})</span>
                  </td>
                  <td className="govuk-table__cell">{c.client}</td>
                  <td className="govuk-table__cell">
                    {c.category}
                    {c.subcategory ? ` – ${c.subcategory}` : ''}
                  </td>
                  <td className="govuk-table__cell">{c.openedOn}</td>
                  <td className="govuk-table__cell">{c.closedOn ?? 'open'}</td>
                  <td className="govuk-table__cell">{c.leadAdviser}</td>
                  <td className="govuk-table__cell">{c.fundingStream}</td>
                  <td className="govuk-table__cell">{c.outcome ?? '—'}</td>
                  <td className="govuk-table__cell">
                    {c.timeEntries.map((t, i) => (
                      <div key={i} className="dv-nowrap">
                        {t.on}: {t.minutes} min, {t.mode.toLowerCase()} ({t.class.toLowerCase()})
                      </div>
                    ))}
                    {c.timeEntryCount > c.timeEntries.length && (
                      <div className="dv-muted">and {c.timeEntryCount - c.timeEntries.length} more</div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  );
}

/** A wide table scrolls sideways; keyboard users reach it too (axe: scrollable-region-focusable). */
function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dv-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function HowItIsRead() {
  return (
    <details className="govuk-details" id="how">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">How the sheet is read</span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list govuk-list--bullet">
          <li>The case reference is the key: a later sheet with the same reference updates the case.</li>
          <li>Dates are day/month/year (06/01/2025), 2025-01-06, or Excel date cells.</li>
          <li>Minutes are whole numbers: write 90, not 1h30 or 1:30.</li>
          <li>A blank cell leaves what Deep Value already holds for the case.</li>
          <li>
            When the sheet has sessions for a case, they are its time entries; without a kind of time, face to face,
            phone, video and home visits count as relationship time and anything else as casework.
          </li>
          <li>
            Advisers are matched to colleagues by name or email; other names become adviser records without sign-in.
          </li>
        </ul>
      </div>
    </details>
  );
}
