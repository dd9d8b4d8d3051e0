/**
 * Every state of the casework screens that the journeys pass through without stopping — a note
 * being edited and its history, a party being changed, a document about to be removed, a
 * limitation date's change record, a new case for an existing client, the audit log filtered by
 * user — gets the same accessibility check and screenshot as the journeys' pages.
 */
import { expect, type Page, test } from '@playwright/test';
import { checkPage, demoAdviserEmail, demoEmail, signIn } from './support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const isoDay = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
}

async function send(
  page: Page,
  method: 'post' | 'patch',
  url: string,
  data: object,
): Promise<{ id: string; version: number }> {
  const response = await page.request[method](url, { headers: { 'X-CSRF-Token': await csrf(page) }, data });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return (await response.json()) as { id: string; version: number };
}

test('the casework sections are accessible in every state an adviser opens', async ({ page, request }) => {
  test.setTimeout(180_000);
  await signIn(page, await demoAdviserEmail(request));
  const tag = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  const caseUrl = await page
    .locator('.dv-case-table a[href^="/cases/"]:not([href*="/time"])')
    .first()
    .getAttribute('href');
  expect(caseUrl).toBeTruthy();

  // Given: a file note edited once, a party, and a limitation date moved once.
  const note = await send(page, 'post', `/api${caseUrl}/notes`, { kind: 'file', body: `E2E ${tag} first words` });
  await send(page, 'patch', `/api/notes/${note.id}`, { version: note.version, body: `E2E ${tag} second words` });
  await send(page, 'post', `/api${caseUrl}/parties`, {
    role: 'opponent',
    opponentType: 'council',
    kind: 'organisation',
    name: `E2E ${tag} Borough Council`,
  });
  const limitation = await send(page, 'post', `/api${caseUrl}/key-dates`, {
    kind: 'limitation',
    title: `E2E ${tag} limitation`,
    dueOn: isoDay(200),
  });
  await send(page, 'patch', `/api/key-dates/${limitation.id}`, { version: limitation.version, dueOn: isoDay(190) });
  await page.goto(caseUrl!);

  const notes = page.locator('section[aria-labelledby="notes-title"]');
  const edited = notes.getByRole('article').filter({ hasText: `E2E ${tag} second words` });
  await edited.getByRole('button', { name: /^Show history/ }).click();
  await expect(edited.getByRole('list', { name: /^History of/ })).toContainText(`E2E ${tag} first words`);
  await checkPage(page, 'states-01-note-history');
  await edited.getByRole('button', { name: /^Edit note/ }).click();
  await expect(edited.getByLabel('Note', { exact: true })).toHaveValue(`E2E ${tag} second words`);
  await checkPage(page, 'states-02-note-editing');
  await edited.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByTestId('limitation-history')).toContainText(`E2E ${tag} limitation`);
  const dates = page.locator('section[aria-labelledby="key-dates-title"]');
  await dates.getByText('Add a key date or task').click();
  await checkPage(page, 'states-03-limitation-history-and-add-form');

  const parties = page.locator('section[aria-labelledby="parties-title"]');
  const party = parties.getByRole('article').filter({ hasText: `E2E ${tag} Borough Council` });
  await party.getByRole('button', { name: /^Change/ }).click();
  await expect(parties.getByRole('form')).toBeVisible();
  await checkPage(page, 'states-04-party-changing');
  await parties.getByRole('button', { name: 'Cancel' }).click();

  const documents = page.locator('section[aria-labelledby="documents-title"]');
  await documents.getByLabel('Upload a document').setInputFiles({
    name: `E2E ${tag}.pdf`,
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await documents.getByRole('button', { name: 'Upload the document' }).click();
  const row = documents.getByRole('row').filter({ hasText: `E2E ${tag}.pdf` });
  await row.getByRole('button', { name: /^Remove/ }).click();
  await expect(row.getByRole('button', { name: 'Keep it' })).toBeVisible();
  await checkPage(page, 'states-05-document-remove-confirm');
  await row.getByRole('button', { name: 'Keep it' }).click();

  // A new case for an existing client opens the wizard at its case step, not a blank page.
  const { clientId } = (await (await page.request.get(`/api${caseUrl}`)).json()) as { clientId: string };
  await page.goto(`/clients/${clientId}`);
  await page.getByRole('link', { name: 'Open a new case for this client' }).click();
  await expect(page.locator('main h1, main legend h1').first()).toBeVisible();
  await expect(page.locator('main')).not.toBeEmpty();
  await checkPage(page, 'states-06-new-case-for-client');
});

test('the audit log filtered by one user is accessible and names people, not ids', async ({ page }) => {
  await signIn(page, demoEmail('admin'));
  const { me } = (await (await page.request.get('/api/auth/me')).json()) as { me: { name: string } };
  await page.goto('/admin/audit');
  await page.getByLabel('Who').selectOption({ label: me.name });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/user=/);
  const rows = page.locator('table tbody tr');
  await expect(rows.first()).toContainText(me.name);
  await expect(rows.filter({ hasNotText: me.name })).toHaveCount(0);
  await checkPage(page, 'states-07-audit-by-user');
});
