/** Generate a letter from one of the organisation's templates; it is kept as a document on the case. */
import { LETTER_FORMATS, type LetterFormat, type CaseDocument } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { api, ApiRequestError, newIdempotencyKey } from '../../app/api';
import { Radios } from '../../ui/Radios';
import { Select } from '../../ui/Select';
import { useLetterTemplates } from './letters';

const FORMAT_LABELS: Record<LetterFormat, string> = { pdf: 'PDF', docx: 'Word document (can still be edited)' };

export function GenerateLetter({ caseId, onGenerated }: { caseId: string; onGenerated: () => void }) {
  const templates = useLetterTemplates();
  const [templateId, setTemplateId] = useState('');
  const [format, setFormat] = useState<LetterFormat>('pdf');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!templateId) return setError('Choose the letter to generate');
    setError(null);
    setBusy(true);
    try {
      const doc = await api<CaseDocument>(`/cases/${caseId}/letters`, {
        method: 'POST',
        body: { templateId, format },
        idempotencyKey: newIdempotencyKey(),
      });
      setDone(`${doc.fileName} added to the documents`);
      onGenerated();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.errors.map((x) => x.message).join('; ') : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="generate-letter-title">
      <h3 className="govuk-heading-s" id="generate-letter-title">
        Generate a letter
      </h3>
      <Select
        id="letter-template"
        label="Which letter"
        emptyLabel="Choose a letter"
        options={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={templateId}
        onChange={setTemplateId}
        error={error ?? undefined}
      />
      <Radios
        id="letter-format"
        legend="Format"
        legendSize="s"
        small
        inline
        options={LETTER_FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
        value={format}
        onChange={setFormat}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
        {busy ? 'Generating…' : 'Generate the letter'}
      </button>
      {done && (
        <p className="govuk-body" role="status">
          {done}
        </p>
      )}
    </form>
  );
}
