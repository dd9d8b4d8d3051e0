/**
 * Documents on the case page: upload a PDF, image or Word file (the server reads its type from the
 * content), list them, download one (each download is audited), remove one after a confirmation.
 */
import { DOCUMENT_TYPE_LABELS, type CaseDocument } from '@deepvalue/shared';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { api, ApiRequestError } from '../../app/api';
import { formatDate } from '../../app/format';
import { QueryState } from '../../ui/QueryState';
import { uploadFile } from '../interchange/upload';
import { formatSize, useDocuments, useRefreshDocuments } from './documents';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.gif,.webp,.tif,.tiff,.heic,.doc,.docx,.odt,.rtf';

export function DocumentsSection({ caseId, children }: { caseId: string; children?: ReactNode }) {
  const query = useDocuments(caseId);
  const refresh = useRefreshDocuments();
  return (
    <section aria-labelledby="documents-title">
      <h2 className="govuk-heading-m" id="documents-title">
        Documents
      </h2>
      <QueryState query={query} what="The documents">
        {(documents) =>
          documents.length === 0 ? (
            <p className="govuk-body">No documents on this case yet.</p>
          ) : (
            <DocumentsTable documents={documents} onRemoved={() => refresh(caseId)} />
          )
        }
      </QueryState>
      <UploadForm caseId={caseId} onUploaded={() => refresh(caseId)} />
      {children}
    </section>
  );
}

function DocumentsTable({ documents, onRemoved }: { documents: CaseDocument[]; onRemoved: () => void }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Documents on this case, newest first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Document
          </th>
          <th scope="col" className="govuk-table__header">
            Added
          </th>
          <th scope="col" className="govuk-table__header">
            <span className="govuk-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {documents.map((d) => (
          <DocumentRow key={d.id} document={d} onRemoved={onRemoved} />
        ))}
      </tbody>
    </table>
  );
}

function DocumentRow({ document: d, onRemoved }: { document: CaseDocument; onRemoved: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    try {
      await api(`/documents/${d.id}?version=${d.version}`, { method: 'DELETE' });
      onRemoved();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">
        <a className="govuk-link" href={`/api/documents/${d.id}/content`} download={d.fileName}>
          {d.fileName}
        </a>
        <br />
        <span className="govuk-body-s dv-muted">
          {d.source === 'letter' ? 'Letter, ' : ''}
          {DOCUMENT_TYPE_LABELS[d.contentType]}, {formatSize(d.sizeBytes)}
        </span>
      </td>
      <td className="govuk-table__cell">
        {formatDate(d.createdAt.slice(0, 10))}
        <br />
        <span className="govuk-body-s">{d.uploadedByName}</span>
      </td>
      <td className="govuk-table__cell">
        {confirming ? (
          <div className="govuk-button-group">
            <button
              type="button"
              className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
              onClick={remove}
            >
              Remove {d.fileName}
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              onClick={() => setConfirming(false)}
            >
              Keep it
            </button>
          </div>
        ) : (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setConfirming(true)}>
            Remove<span className="govuk-visually-hidden"> {d.fileName}</span>
          </button>
        )}
        {error && (
          <p className="govuk-error-message" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}

function UploadForm({ caseId, onUploaded }: { caseId: string; onUploaded: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setDone(null);
    if (!file) return setError('Choose a file to upload');
    setError(null);
    setProgress(0);
    try {
      const doc = await uploadFile<CaseDocument>(
        `/cases/${caseId}/documents?fileName=${encodeURIComponent(file.name)}`,
        file,
        undefined,
        setProgress,
        'application/octet-stream',
      );
      if (input.current) input.current.value = '';
      setDone(`${doc.fileName} uploaded`);
      onUploaded();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.errors.map((x) => x.message).join('; ') : String(e));
    } finally {
      setProgress(null);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="govuk-!-margin-bottom-6">
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="document-file">
          Upload a document
        </label>
        <div id="document-file-hint" className="govuk-hint">
          A PDF, a photo or scan (JPEG, PNG, HEIC), or a Word document
        </div>
        {error && (
          <p id="document-file-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <input
          ref={input}
          className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
          id="document-file"
          name="document"
          type="file"
          accept={ACCEPT}
          aria-describedby={error ? 'document-file-hint document-file-error' : 'document-file-hint'}
        />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={progress !== null}>
        {progress === null ? 'Upload the document' : `Uploading… ${Math.round(progress * 100)}%`}
      </button>
      {done && (
        <p className="govuk-body" role="status">
          {done}
        </p>
      )}
    </form>
  );
}
