import { subcategoryLabel } from '@deepvalue/shared';
import { Select } from '../../ui/Select';
import { useSubcategories } from './api';

/**
 * The sub-categories the organisation offers for a category (Admin → Sub-categories). A value the
 * case already holds that is no longer offered stays selectable, so an edit never loses it.
 */
export function SubcategorySelect({
  category,
  value,
  onChange,
  error,
}: {
  category: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const list = useSubcategories().data ?? [];
  const offered = list.filter((s) => s.category === category && !s.retired);
  const options = offered.map((s) => ({ value: s.key, label: s.label }));
  if (value && !offered.some((s) => s.key === value))
    options.push({ value, label: `${subcategoryLabel(value, list)} (no longer offered)` });
  return (
    <Select
      id="subcategory"
      label="Sub-category (optional)"
      hint={category ? undefined : 'Choose the presenting problem first'}
      emptyLabel="None"
      options={options}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
