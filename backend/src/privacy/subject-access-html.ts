/**
 * The subject access report as a plain, printable HTML page. Every value is escaped: the report is
 * made of text people typed, which may contain markup. No inline styles or scripts, so the page
 * works under the app's strict Content-Security-Policy.
 */
import type { SubjectAccessReport } from './subject-access.service.js';

type Row = Record<string, unknown>;

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function label(key: string): string {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(text).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function details(row: Row): string {
  const items = Object.entries(row)
    .filter(([, value]) => !Array.isArray(value) || value.every((v) => typeof v !== 'object'))
    .map(([key, value]) => `<dt>${escapeHtml(label(key))}</dt><dd>${escapeHtml(text(value))}</dd>`);
  return `<dl>${items.join('')}</dl>`;
}

function table(caption: string, rows: Row[]): string {
  if (rows.length === 0) return `<h4>${escapeHtml(caption)}</h4><p>None recorded.</p>`;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const head = keys.map((k) => `<th scope="col">${escapeHtml(label(k))}</th>`).join('');
  const body = rows.map((r) => `<tr>${keys.map((k) => `<td>${escapeHtml(text(r[k]))}</td>`).join('')}</tr>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const CASE_SECTIONS: Array<[string, string]> = [
  ['timeEntries', 'Time recorded'],
  ['feedback', 'Feedback'],
  ['assessments', 'Adviser assessment'],
  ['problems', 'Underlying problems'],
  ['referrals', 'Referrals'],
  ['outcomes', 'Outcome'],
  ['outcomeBenefits', 'Outcome benefits'],
  ['followUps', 'Follow-ups'],
  ['notes', 'Notes'],
  ['noteRevisions', 'Earlier versions of notes'],
  ['parties', 'Parties (opponents, third parties, interpreters)'],
  ['conflictChecks', 'Conflict checks'],
  ['keyDates', 'Key dates and tasks'],
  ['keyDateChanges', 'Changes to key dates'],
  ['fileReviews', 'File reviews'],
  ['documents', 'Documents and letters (listed by name, type and size; each can be downloaded from the case)'],
];

export function subjectAccessHtml(report: SubjectAccessReport): string {
  const cases = report.cases
    .map((c, i) => {
      const sections = CASE_SECTIONS.map(([key, caption]) => table(caption, (c[key as keyof typeof c] as Row[]) ?? []));
      return `<section><h3>Case ${i + 1}: ${escapeHtml(text(c.ref))}</h3>${details(c)}${sections.join('')}</section>`;
    })
    .join('');
  const audit = table(
    'Who looked at or changed these records',
    report.auditEntries.map((e) => ({
      at: e.at,
      user: e.userName ?? e.userId,
      action: e.action,
      entity: e.entity,
      ip: e.ip,
    })),
  );
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Subject access report</title></head>
<body>
<main>
<h1>Subject access report</h1>
<p>Held by ${escapeHtml(report.organisation.name)}. Produced ${escapeHtml(report.generatedAt)}.</p>
<h2>Personal details</h2>
${details(report.client)}
<h2>Cases (${report.cases.length})</h2>
${cases || '<p>No cases.</p>'}
<h2>Access log</h2>
${audit}
</main>
</body>
</html>
`;
}
