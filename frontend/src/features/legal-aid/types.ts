import type { LegalAidCode } from '@deepvalue/shared';

/** "F" → "F — Female"; a code the lists give no meaning keeps its code alone. */
export const codeLabel = (c: LegalAidCode) => (c.label ? `${c.code} — ${c.label}` : c.code);

/** The label of a code in a list, or the code itself. */
export function labelIn(list: LegalAidCode[] | undefined, code: string | null): string | null {
  if (code === null) return null;
  const found = list?.find((c) => c.code === code);
  return found ? codeLabel(found) : code;
}

/** A typed amount: "52.5" or "£52.50" → 52.5; empty → null; anything else as typed, for the API to refuse by name. */
export function pounds(text: string): number | string | null {
  const t = text.trim().replace(/^£/, '');
  if (t === '') return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}
