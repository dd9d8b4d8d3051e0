import type { LegalAidCode } from '@deepvalue/shared';

/** "F" → "F — Female"; a code the lists give no meaning keeps its code alone. */
export const codeLabel = (c: LegalAidCode) => (c.label ? `${c.code} — ${c.label}` : c.code);

/** The label of a code in a list, or the code itself. */
export function labelIn(list: LegalAidCode[] | undefined, code: string | null): string | null {
  if (code === null) return null;
  const found = list?.find((c) => c.code === code);
  return found ? codeLabel(found) : code;
}
