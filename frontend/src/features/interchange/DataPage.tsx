import type { ImportJob } from '@deepvalue/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiRequestError, newIdempotencyKey } from '../../app/api';
import { formatCount, formatNumber, formatPercent } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useMe } from '../../app/session';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SpreadsheetImport } from './SpreadsheetImport';
import { uploadFile } from './upload';

/** Import (upload a deepvalue.import.v1 file, follow it, see every error) and export. */
export function DataPage() {
  const section = useParams()['*'] ?? '';
  const me = useMe();
  usePageTitle(
    section === 'export' ? 'Export casework' : section === 'spreadsheet' ? 'Import a spreadsheet' : 'Import and export',
  );
  if (me.role !== 'manager') {
    return (
      <>
        <h1 className="govuk-heading-l">Import and export</h1>
        <p className="govuk-body">Importing and exporting casework is done by a manager.</p>
      </>
    );
  }
  if (section === 'spreadsheet') return <SpreadsheetImport />;
  return (
    <>
      <h1 className="govuk-heading-l">Import and export</h1>
      <p className="govuk-body">
        Keeping casework in a spreadsheet?{' '}
        <Link className="govuk-link" to="/data/spreadsheet">
          Import a spreadsheet (CSV or Excel)
        </Link>
        : you say which column is which and check it before anything is written.
      </p>
      <Import />
      <Export />
    </>
  );
}

function Import() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [uploading, setUploading] = useState<number>();
  const [jobId, setJobId] = useState<string>();
  const [errors, setErrors] = useState<Array<{ path: string; message: string }>>([]);
  // One key per chosen file: sending the same file again (after a dropped connection) is one import.
  const key = useRef<{ file: File; key: string }>(undefined);
  const client = useQueryClient();
  const job = useQuery({
    queryKey: ['import', jobId],
    queryFn: ({ signal }) => api<ImportJob>(`/imports/${jobId}`, { signal }),
    enabled: Boolean(jobId),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 1000;
    },
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setErrors([{ path: 'import-file', message: 'Choose a deepvalue.import.v1 file to upload' }]);
      return;
    }
    if (!/\.(json|ndjson|jsonl)$/i.test(file.name)) {
      setErrors([{ path: 'import-file', message: 'The file must be a .json or .ndjson file' }]);
      return;
    }
    setErrors([]);
    if (key.current?.file !== file) key.current = { file, key: newIdempotencyKey() };
    setUploading(0);
    try {
      const started = await uploadFile<ImportJob>(
        `/imports?fileName=${encodeURIComponent(file.name)}`,
        file,
        key.current.key,
        setUploading,
      );
      setJobId(started.id);
      client.setQueryData(['import', started.id], started);
    } catch (error) {
      setErrors(
        error instanceof ApiRequestError
          ? error.errors.map((e) => ({ path: e.path ? e.path : '', message: e.message }))
          : [{ path: '', message: String(error) }],
      );
    } finally {
      setUploading(undefined);
    }
  }

  const current = job.data;
  const finished = current?.status === 'succeeded' || current?.status === 'failed';
  return (
    <section aria-labelledby="import-title" className="govuk-!-margin-bottom-9">
      <h2 className="govuk-heading-m" id="import-title">
        Import casework
      </h2>
      <p className="govuk-body">
        Upload a <code>deepvalue.import.v1</code> document (JSON, or NDJSON with one case per line) from a spreadsheet
        conversion or another case system. The import is all or nothing: if anything in the file is wrong, nothing is
        written and every problem is listed with where it is. Importing the same file again does not duplicate anything.
      </p>
      <ErrorSummary errors={errors} />
      <form noValidate onSubmit={submit}>
        <div className={`govuk-form-group${errors.length ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="import-file">
            File to import
          </label>
          <div id="import-file-hint" className="govuk-hint">
            A .json or .ndjson file. Large files are fine: they are streamed.
          </div>
          <input
            ref={fileInput}
            id="import-file"
            name="import-file"
            type="file"
            accept=".json,.ndjson,.jsonl,application/json,application/x-ndjson"
            className="govuk-file-upload"
            aria-describedby="import-file-hint"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </div>
        <button
          type="submit"
          className="govuk-button"
          disabled={uploading !== undefined || (Boolean(jobId) && !finished)}
        >
          Upload and import
        </button>
      </form>
      <div aria-live="polite">
        {uploading !== undefined && <Progress label={`Uploading ${file?.name ?? 'the file'}`} share={uploading} />}
        {current && !finished && (
          <Progress label={`Importing: ${formatCount(current.casesRead, 'case')} read`} share={current.progress} />
        )}
      </div>
      {current?.status === 'succeeded' && <ImportSucceeded job={current} />}
      {current?.status === 'failed' && <ImportFailed job={current} />}
    </section>
  );
}

function Progress({ label, share }: { label: string; share: number }) {
  return (
    <div className="govuk-!-margin-bottom-6">
      <p className="govuk-body govuk-!-margin-bottom-1">
        {label} ({formatPercent(share)})
      </p>
      <progress className="dv-progress" max={1} value={share} aria-label={label}>
        {formatPercent(share)}
      </progress>
    </div>
  );
}

function ImportSucceeded({ job }: { job: ImportJob }) {
  const counts = Object.entries(job.summary ?? {}).filter(([k, v]) => typeof v === 'number' && k !== 'progress');
  return (
    <div className="govuk-panel govuk-panel--confirmation" role="status">
      <h3 className="govuk-panel__title">Import complete</h3>
      <div className="govuk-panel__body">
        {counts.length
          ? counts
              .map(([k, v]) => `${formatNumber(v as number)} ${k.replace(/([A-Z])/g, ' $1').toLowerCase()}`)
              .join(', ')
          : formatCount(job.casesRead, 'case')}
      </div>
    </div>
  );
}

function ImportFailed({ job }: { job: ImportJob }) {
  return (
    <div className="govuk-error-summary" role="alert" aria-labelledby="import-failed-title" tabIndex={-1}>
      <h3 className="govuk-error-summary__title" id="import-failed-title">
        Nothing was imported: the file has {formatNumber(job.errorCount)}{' '}
        {job.errorCount === 1 ? 'problem' : 'problems'}
      </h3>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">Correct the file and upload it again. Each problem says where it is in the file.</p>
        <div className="dv-table-scroll">
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Problems in the file</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Where
                </th>
                <th scope="col" className="govuk-table__header">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {job.errors.map((e, i) => (
                <tr key={i} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <code>{e.path || '(the whole file)'}</code>
                  </td>
                  <td className="govuk-table__cell">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {job.errorCount > job.errors.length && (
          <p className="govuk-body">
            The first {formatNumber(job.errors.length)} problems are shown; there are {formatNumber(job.errorCount)} in
            all.
          </p>
        )}
      </div>
    </div>
  );
}

function Export() {
  return (
    <section aria-labelledby="export-title">
      <h2 className="govuk-heading-m" id="export-title">
        Export casework
      </h2>
      <p className="govuk-body">
        All of your organisation’s casework in the same <code>deepvalue.import.v1</code> format: it can be imported
        again, or into another Deep Value. It contains client details, so keep it safe. Every export is recorded in the
        audit log.
      </p>
      <h3 className="govuk-heading-s">For a spreadsheet</h3>
      <p className="govuk-body">
        The columns a spreadsheet user expects, with each case’s sessions and minutes added up. A workbook exported here
        can be imported again as a spreadsheet.
      </p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href="/api/exports/casework?format=xlsx" download>
            Download as an Excel workbook
          </a>{' '}
          <span className="dv-muted">– sheets of cases, time entries, case notes, key dates and parties</span>
        </li>
        <li>
          <a className="govuk-link" href="/api/exports/casework?format=csv" download>
            Download the cases as CSV
          </a>{' '}
          <span className="dv-muted">– one row per case</span>
        </li>
        <li>
          <a className="govuk-link" href="/api/exports/casework?format=csv-time-entries" download>
            Download the time entries as CSV
          </a>{' '}
          <span className="dv-muted">– one row per session, with its case reference</span>
        </li>
        <li>
          <a className="govuk-link" href="/api/exports/casework?format=csv-notes" download>
            Download the case notes as CSV
          </a>
          ,{' '}
          <a className="govuk-link" href="/api/exports/casework?format=csv-key-dates" download>
            the key dates
          </a>{' '}
          or{' '}
          <a className="govuk-link" href="/api/exports/casework?format=csv-parties" download>
            the parties
          </a>{' '}
          <span className="dv-muted">– one row each, with its case reference; each imports again as a spreadsheet</span>
        </li>
      </ul>
      <h3 className="govuk-heading-s">For another system</h3>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href="/api/exports/casework?format=json" download>
            Download as JSON
          </a>{' '}
          <span className="dv-muted">– one document</span>
        </li>
        <li>
          <a className="govuk-link" href="/api/exports/casework?format=ndjson" download>
            Download as NDJSON
          </a>{' '}
          <span className="dv-muted">– one case per line, for very large organisations</span>
        </li>
      </ul>
      <p className="govuk-body">
        For anonymised figures to share outside the organisation, use an{' '}
        <Link className="govuk-link" to="/evidence">
          evidence pack
        </Link>{' '}
        instead.
      </p>
    </section>
  );
}
