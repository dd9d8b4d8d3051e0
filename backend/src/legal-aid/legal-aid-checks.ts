/**
 * The one home for checking legal aid answers against the code lists: the API (422), the importer
 * (its validation errors) and the monthly contract report (its problems) all ask here. Each problem
 * names the field and the code at fault, in words a manager can act on.
 */
import type { FieldError } from '../common/domain-error.js';
import type { Code, FieldFormat, LegalAidCodes } from './legal-aid-codes.js';
import { ufnProblem } from './ufn.js';
import type { LegalAidAnswers } from '@deepvalue/shared';

/** The client's equality monitoring answers: null not asked; the list's declined code: chose not to say. */
export interface EqualityAnswers {
  gender?: string | null;
  ethnicity?: string | null;
  disability?: string | null;
}

const CODE_FIELDS = [
  'matterType1',
  'matterType2',
  'stageReached',
  'outcomeCode',
  'feeCode',
  'exemptionCriteria',
  'accessPoint',
  'procurementArea',
  'clientPostcode',
] as const;

/** Codes are written in capitals without surrounding spaces; a postcode keeps one space before its last three characters. */
export function normaliseLegalAid<T extends LegalAidAnswers>(a: T): T {
  const out = { ...a, categoryOfLaw: a.categoryOfLaw.trim() };
  for (const key of [...CODE_FIELDS, 'ufn'] as const) {
    const v = a[key];
    if (typeof v === 'string') out[key] = v.trim() === '' ? null : v.trim().toUpperCase();
  }
  if (out.clientPostcode && out.clientPostcode !== 'NFA') {
    const compact = out.clientPostcode.replace(/\s+/g, '');
    out.clientPostcode = compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
  }
  return out;
}

export function normaliseEquality<T extends EqualityAnswers>(e: T): T {
  const out = { ...e };
  for (const key of ['gender', 'ethnicity', 'disability'] as const) {
    const v = e[key];
    if (typeof v === 'string') out[key] = v.trim() === '' ? null : v.trim().toUpperCase();
  }
  return out;
}

const listed = (codes: Code[]) => {
  const shown = codes.slice(0, 12).map((c) => c.code);
  return `${shown.join(', ')}${codes.length > shown.length ? ', …' : ''}`;
};

/** Problems with a (normalised) legal aid record; `path` prefixes each field (e.g. "legalAid."). */
export function legalAidProblems(codes: LegalAidCodes, a: LegalAidAnswers, today: string, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ path: `${path}${field}`, message });
  const category = codes.categories.find((c) => c.code === a.categoryOfLaw);
  if (!category) {
    add('categoryOfLaw', `"${a.categoryOfLaw}" is not a category of law (expected one of ${listed(codes.categories)})`);
    return errors;
  }
  if (a.ufn) {
    const problem = ufnProblem(a.ufn, today);
    if (problem) add('ufn', `"${a.ufn}" ${problem}`);
  }
  const format = (field: (typeof CODE_FIELDS)[number], rule: FieldFormat) => {
    const v = a[field];
    if (!v) return false;
    if (new RegExp(rule.pattern, 'u').test(v)) return true;
    add(field, `"${v}" is not accepted: ${rule.rule}`);
    return false;
  };
  const inList = (field: (typeof CODE_FIELDS)[number], list: Code[] | undefined, what: string) => {
    const v = a[field];
    // No list, or an empty one, for the category: its form is all that is checked.
    if (!v || !list?.length) return;
    if (!list.some((c) => c.code === v))
      add(field, `"${v}" is not ${what} for ${category.label} in the code lists (expected one of ${listed(list)})`);
  };
  const matterTypes = codes.matterTypes.find((m) => m.category === category.code);
  const outcomes = codes.outcomes.find((o) => o.category === category.code);
  const { matterType, outcome, stageReached } = codes.codeFormats;
  if (format('matterType1', matterType)) inList('matterType1', matterTypes?.matterType1, 'a matter type 1 code');
  if (format('matterType2', matterType)) inList('matterType2', matterTypes?.matterType2, 'a matter type 2 code');
  if (format('stageReached', stageReached)) inList('stageReached', outcomes?.stageReached, 'a stage reached code');
  if (format('outcomeCode', outcome)) inList('outcomeCode', outcomes?.outcome, 'an outcome code');
  const feeCodes = codes.feeCodes.find((f) => f.category === category.code);
  if (format('feeCode', codes.codeFormats.feeCode)) inList('feeCode', feeCodes?.feeCode, 'a fee code');
  format('exemptionCriteria', codes.formats.exemptionCriteriaSatisfied);
  format('accessPoint', codes.formats.accessPoint);
  format('procurementArea', codes.formats.procurementArea);
  format('clientPostcode', codes.formats.clientPostcode);
  return errors;
}

/** Problems with (normalised) equality monitoring answers. */
export function equalityProblems(codes: LegalAidCodes, e: EqualityAnswers, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of ['gender', 'ethnicity', 'disability'] as const) {
    const v = e[key];
    if (v === undefined || v === null) continue;
    const list = codes.equality[key];
    if (!list.codes.some((c) => c.code === v))
      errors.push({
        path: `${path}${key}`,
        message: `"${v}" is not a ${key} code (expected one of ${listed(list.codes)}; ${list.declinedCode} when the client prefers not to say)`,
      });
  }
  return errors;
}
