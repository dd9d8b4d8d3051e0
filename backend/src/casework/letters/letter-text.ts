/**
 * A template's text and the case fields in it: checking a template names only known fields, filling
 * them in, and reading the result as blocks (headings, paragraphs, bullets) for the PDF and DOCX.
 */
import { LETTER_FIELD_PATTERN, LETTER_FIELDS, type LetterField } from '@deepvalue/shared';
import { DomainError } from '../../common/domain-error.js';

export type LetterValues = Record<LetterField, string | null>;

export type Block = { kind: 'heading' | 'paragraph'; lines: string[] } | { kind: 'bullets'; items: string[] };

const isField = (name: string): name is LetterField => Object.hasOwn(LETTER_FIELDS, name);

/** The problems with a template's text, for a 422 on `body`; empty when it is usable. */
export function templateProblems(body: string): string[] {
  const problems: string[] = [];
  for (const [, name] of body.matchAll(LETTER_FIELD_PATTERN))
    if (!isField(name))
      problems.push(`{{${name}}} is not a case field; use one of ${Object.keys(LETTER_FIELDS).join(', ')}`);
  const unmatched = body.replace(LETTER_FIELD_PATTERN, '');
  if (/\{\{|\}\}/.test(unmatched)) problems.push('has a {{ without its }} (or the other way round)');
  return [...new Set(problems)];
}

/** The text with every field filled in; 422 naming the fields this case has no value for. */
export function fillTemplate(body: string, values: LetterValues): string {
  const missing = new Set<string>();
  const text = body.replace(LETTER_FIELD_PATTERN, (_, name: string) => {
    const value = isField(name) ? values[name] : null;
    if (value === null || value === '') missing.add(name);
    return value ?? '';
  });
  if (missing.size) {
    const errors = [...missing].map((name) => ({
      path: 'templateId',
      message: `the letter uses {{${name}}} (${LETTER_FIELDS[name as LetterField] ?? name}), which this case does not have yet`,
    }));
    throw new DomainError('unprocessable', errors.map((e) => e.message).join('; '), errors);
  }
  return text;
}

/** Blocks separated by blank lines; "# " starts a heading, lines starting "- " make a list. */
export function blocksOf(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.split('\n').map((l) => l.trimEnd()))
    .filter((lines) => lines.some((l) => l.trim() !== ''))
    .map((lines): Block => {
      if (lines.every((l) => l.startsWith('- '))) return { kind: 'bullets', items: lines.map((l) => l.slice(2)) };
      if (lines.length === 1 && lines[0].startsWith('# ')) return { kind: 'heading', lines: [lines[0].slice(2)] };
      return { kind: 'paragraph', lines };
    });
}
