import { CATEGORIES, labelOf, subcategoryKeyOf, type Category, type Subcategory } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useSubcategories } from '../cases/api';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';

/** The sub-categories offered for each category of law; removed ones are retired, not deleted. */
export function SubcategoriesPage() {
  usePageTitle('Sub-categories of law');
  const list = useSubcategories();
  return (
    <>
      <AdminBreadcrumbs />
      <h1 className="govuk-heading-l">Sub-categories of law</h1>
      <p className="govuk-body">
        Advisers choose a case’s sub-category from this list, and spreadsheet imports are checked against it. A
        sub-category you remove is no longer offered, but the cases that have it keep it.
      </p>
      <QueryState query={list} what="The sub-categories">
        {(items) => <SubcategoriesForm initial={items.filter((s) => !s.retired)} />}
      </QueryState>
    </>
  );
}

type Row = Pick<Subcategory, 'category' | 'key' | 'label'>;

function SubcategoriesForm({ initial }: { initial: Row[] }) {
  const client = useQueryClient();
  const [rows, setRows] = useState<Row[]>(initial);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  useUnsavedChanges(JSON.stringify(rows) !== JSON.stringify(initial) && !saved);

  const idOf = (i: number) => `subcategory-${i}-label`;
  const fieldIds = Object.fromEntries(
    rows.flatMap((_, i) => [
      [`items[${i}].label`, idOf(i)],
      [`items[${i}].key`, idOf(i)],
    ]),
  );
  const errorFor = (i: number) =>
    submission.errors.find((e) => e.path === `items[${i}].label` || e.path === `items[${i}].key`)?.message;
  const change = (i: number, label: string) => setRows(rows.map((r, j) => (j === i ? { ...r, label } : r)));

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const items = rows.map((r) => ({
      category: r.category,
      key: r.key || subcategoryKeyOf(r.label),
      label: r.label.trim(),
    }));
    const result = await submission.submit(items, () =>
      api<Subcategory[]>('/subcategories', { method: 'PUT', body: { items } }),
    );
    if (result.ok) {
      client.setQueryData(['subcategories'], result.value);
      setRows(result.value.filter((s) => !s.retired));
      setSaved(true);
    }
  }

  return (
    <form onSubmit={save} noValidate>
      <ErrorSummary errors={submission.errors} fieldIds={fieldIds} />
      {saved && (
        <Banner success title="Saved">
          Advisers are now offered these sub-categories.
        </Banner>
      )}
      {CATEGORIES.map((category: Category) => (
        <fieldset key={category} className="govuk-fieldset dv-form">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{labelOf(category)}</legend>
          {rows.map((row, i) =>
            row.category !== category ? null : (
              <div key={i} className="dv-inline-row">
                <TextInput
                  id={idOf(i)}
                  label={
                    <>
                      Sub-category<span className="govuk-visually-hidden">{` of ${labelOf(category)}`}</span>
                    </>
                  }
                  hint={row.key ? undefined : 'A new sub-category'}
                  value={row.label}
                  error={errorFor(i)}
                  onChange={(e) => change(i, e.target.value)}
                />
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                >
                  Remove<span className="govuk-visually-hidden">{` ${row.label || 'new sub-category'}`}</span>
                </button>
              </div>
            ),
          )}
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => setRows([...rows, { category, key: '', label: '' }])}
          >
            Add a sub-category<span className="govuk-visually-hidden">{` of ${labelOf(category)}`}</span>
          </button>
        </fieldset>
      ))}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          Save sub-categories
        </button>
      </div>
    </form>
  );
}
