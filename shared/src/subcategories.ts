/**
 * Sub-categories of law: a maintained list per category, not free text. Every organisation starts
 * with the shipped list below; an administrator adds, renames and retires its own (Admin →
 * Sub-categories). A retired one stays on the cases that hold it but is no longer offered.
 */
import type { Category } from './enums.js';

export interface Subcategory {
  category: Category;
  /** What a case stores: lower-case letters, digits and _. */
  key: string;
  label: string;
  /** Kept for the cases that hold it, no longer offered. */
  retired?: boolean;
}

/** The sub-categories every organisation starts with, in the order they are offered. */
export const DEFAULT_SUBCATEGORIES: Readonly<Record<Category, ReadonlyArray<readonly [key: string, label: string]>>> = {
  housing: [
    ['possession', 'Possession'],
    ['disrepair', 'Disrepair'],
    ['homelessness', 'Homelessness'],
    ['allocation', 'Allocation'],
    ['tenancy_deposit', 'Tenancy deposit'],
  ],
  welfare_benefits: [
    ['pip', 'PIP (Personal Independence Payment)'],
    ['universal_credit', 'Universal Credit'],
    ['esa_wca', 'ESA work capability assessment'],
    ['sanction', 'Sanction'],
    ['overpayment', 'Overpayment'],
  ],
  debt: [
    ['priority_debt', 'Priority debt'],
    ['council_tax', 'Council tax'],
    ['consumer_credit', 'Consumer credit'],
    ['bailiffs', 'Bailiffs'],
    ['insolvency', 'Insolvency'],
  ],
  employment: [
    ['unfair_dismissal', 'Unfair dismissal'],
    ['unpaid_wages', 'Unpaid wages'],
    ['discrimination', 'Discrimination'],
    ['redundancy', 'Redundancy'],
  ],
  immigration: [
    ['leave_to_remain', 'Leave to remain'],
    ['asylum_support', 'Asylum support'],
    ['family_reunion', 'Family reunion'],
    ['eu_settlement', 'EU Settlement Scheme'],
  ],
  community_care: [
    ['needs_assessment', 'Needs assessment'],
    ['care_package', 'Care package'],
    ['nrpf_support', 'No recourse to public funds support'],
    ['carers_support', "Carers' support"],
  ],
};

export function defaultSubcategories(): Subcategory[] {
  return (Object.keys(DEFAULT_SUBCATEGORIES) as Category[]).flatMap((category) =>
    DEFAULT_SUBCATEGORIES[category].map(([key, label]) => ({ category, key, label })),
  );
}

const DEFAULT_LABELS = new Map(defaultSubcategories().map((s) => [s.key, s.label]));

/** A key's shipped label; a key the organisation added (or one typed before the list) shows as it is. */
export function subcategoryLabel(key: string, list?: readonly Subcategory[]): string {
  return list?.find((s) => s.key === key)?.label ?? DEFAULT_LABELS.get(key) ?? key;
}

/** The key of a sub-category of `category` written as its key or its label (any case, spaces or _); undefined if none. */
export function matchSubcategory(text: string, category: string, list: readonly Subcategory[]): string | undefined {
  const n = normalise(text);
  if (!n) return undefined;
  return list.find((s) => s.category === category && (normalise(s.key) === n || normalise(s.label) === n))?.key;
}

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** A new sub-category's key from its label: "Anti-social behaviour" → "anti_social_behaviour". */
export function subcategoryKeyOf(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 's_$1')
      .slice(0, 50) || 'subcategory'
  );
}
