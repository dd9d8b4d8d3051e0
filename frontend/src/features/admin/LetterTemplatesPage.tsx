/** Letter templates: reword the three shipped letters, add the organisation's own, remove those. */
import { LETTER_FIELDS, type LetterTemplate } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';
import { useLetterTemplates } from '../cases/letters';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';

export function LetterTemplatesPage() {
  usePageTitle('Letter templates');
  const templates = useLetterTemplates();
  return (
    <>
      <AdminBreadcrumbs />
      <h1 className="govuk-heading-l">Letter templates</h1>
      <p className="govuk-body">
        Advisers generate these letters on a case, as a PDF or a Word document, and the letter is kept with the case’s
        documents. Put a case field in the text in double curly brackets, for example{' '}
        <code>{'{{client.fullName}}'}</code>. Leave a blank line between paragraphs; start a line with “# ” for a
        heading and “- ” for a bullet point.
      </p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Case fields you can use</span>
        </summary>
        <div className="govuk-details__text">
          <dl className="govuk-summary-list govuk-summary-list--no-border">
            {Object.entries(LETTER_FIELDS).map(([field, label]) => (
              <div className="govuk-summary-list__row" key={field}>
                <dt className="govuk-summary-list__key">
                  <code>{`{{${field}}}`}</code>
                </dt>
                <dd className="govuk-summary-list__value">{label}</dd>
              </div>
            ))}
          </dl>
        </div>
      </details>
      <QueryState query={templates} what="The letter templates">
        {(list) => (
          <>
            {list.map((t) => (
              <TemplateForm key={`${t.id}-${t.version}`} template={t} />
            ))}
            <TemplateForm />
          </>
        )}
      </QueryState>
    </>
  );
}

function TemplateForm({ template }: { template?: LetterTemplate }) {
  const client = useQueryClient();
  const submission = useSubmission();
  const [name, setName] = useState(template?.name ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [saved, setSaved] = useState(false);
  const prefix = template ? `template-${template.id}` : 'new-template';
  const errorOf = (path: string) =>
    submission.errors
      .filter((e) => e.path === path)
      .map((e) => e.message)
      .join('; ') || undefined;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const payload = template ? { version: template.version, name, body } : { name, body };
    const result = await submission.submit(payload, (key) =>
      template
        ? api(`/letter-templates/${template.id}`, { method: 'PATCH', body: payload })
        : api('/letter-templates', { method: 'POST', body: payload, idempotencyKey: key }),
    );
    if (!result.ok) return;
    setSaved(true);
    if (!template) {
      setName('');
      setBody('');
    }
    await client.invalidateQueries({ queryKey: ['letter-templates'] });
  };
  const remove = async () => {
    if (!template || !window.confirm(`Remove the template “${template.name}”?`)) return;
    await api(`/letter-templates/${template.id}?version=${template.version}`, { method: 'DELETE' });
    await client.invalidateQueries({ queryKey: ['letter-templates'] });
  };
  return (
    <form onSubmit={save} noValidate className="dv-panel govuk-!-margin-bottom-6" aria-labelledby={`${prefix}-title`}>
      <h2 className="govuk-heading-m" id={`${prefix}-title`}>
        {template ? template.name : 'Add a template'}
      </h2>
      {template && (
        <p className="govuk-body-s dv-muted">
          {template.key ? 'Shipped with Deep Value. ' : ''}
          {template.updatedByName
            ? `Last changed by ${template.updatedByName} on ${formatDate(template.updatedAt.slice(0, 10))}.`
            : 'Not changed yet.'}
        </p>
      )}
      <ErrorSummary errors={submission.errors} fieldIds={{ name: `${prefix}-name`, body: `${prefix}-body` }} />
      <TextInput
        id={`${prefix}-name`}
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errorOf('name')}
      />
      <Textarea
        id={`${prefix}-body`}
        label="Text of the letter"
        rows={template ? 14 : 6}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={errorOf('body')}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          {template ? `Save ${template.name}` : 'Add the template'}
        </button>
        {template && !template.key && (
          <button type="button" className="govuk-button govuk-button--warning" onClick={remove}>
            Remove {template.name}
          </button>
        )}
      </div>
      {saved && (
        <p className="govuk-body" role="status">
          Saved.
        </p>
      )}
    </form>
  );
}
