/**
 * The spreadsheet journey: a manager who keeps casework in a spreadsheet uploads it with deliberate
 * problems, fixes the mapping, sees the dry run's problems on their rows and columns, corrects the
 * file, imports it, and imports next month's sheet without duplicating a case.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { checkPage, demoEmail, signIn } from './support';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

test('a manager imports a spreadsheet: mapping, dry-run problems, correction, import and next month', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, demoEmail('manager'));
  await page.goto('/data');
  await page.getByRole('link', { name: 'Import a spreadsheet (CSV or Excel)' }).click();
  await expect(page.getByRole('heading', { name: 'Import a spreadsheet' })).toBeVisible();

  await page.getByLabel('Spreadsheet', { exact: true }).setInputFiles(fixture('sheet-january-problems.csv'));
  await page.getByRole('button', { name: 'Upload and look at the columns' }).click();
  // Proposed from the headers; 'Worker' is not a name it knows, so the manager says what it is.
  await expect(page.getByLabel('Field for column Case No')).toHaveValue('case.ref');
  await expect(page.getByLabel('Field for column Minutes')).toHaveValue('time.minutes');
  await expect(page.getByLabel('Field for column Worker')).toHaveValue('');
  await page.getByLabel('Field for column Worker').selectOption({ label: 'Lead adviser' });
  // 'Zoom call' is not a mode it recognises; 'F2F' is.
  await expect(page.getByLabel('Mode for ‘F2F’')).toHaveValue('face_to_face');
  await page.getByLabel('Mode for ‘Zoom call’').selectOption({ label: 'Video' });
  await expect(page.getByLabel('Category of law for ‘Housing - possession’')).toHaveValue('housing/possession');
  await checkPage(page, 'sheet-01-mapping');

  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems.getByRole('listitem')).toHaveText([
    "Row 3, column 'Minutes': '1h30' is not a number of minutes — write 90",
    "Row 5, column 'Date': '31/02/2025' is not a real date — write day/month/year, e.g. 06/01/2025",
  ]);
  await checkPage(page, 'sheet-02-dry-run-problems');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the rejected rows (CSV)' }).click();
  const rejected = fs.readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
  expect(
    rejected
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(',')[0]),
  ).toEqual(['Row', '3', '5']);

  // The corrected file has the same columns: the mapping made above is kept.
  await page.getByLabel('Spreadsheet', { exact: true }).setInputFiles(fixture('sheet-january.csv'));
  await page.getByRole('button', { name: 'Upload and look at the columns' }).click();
  // Wait for the new upload's first values ('90' where the first file had '1h30'): until then the
  // page still shows the first upload, and a dry run would check that one.
  await expect(page.locator('tr', { has: page.getByRole('rowheader', { name: 'Minutes' }) })).toContainText('75 · 90');
  await expect(page.getByLabel('Field for column Worker')).toHaveValue('case.leadAdviser');
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await expect(page.getByText('4 rows → 3 cases (3 new, 0 to update) with 4 time entries')).toBeVisible();
  await expect(page.getByRole('table', { name: 'The first cases as they will be recorded' })).toContainText(
    'Housing – Possession',
  );
  await checkPage(page, 'sheet-03-dry-run-clean');
  await page.getByRole('button', { name: 'Import 3 cases' }).click();
  // The import runs as a job: wait for its own end state, however long a loaded machine takes.
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText(
    '3 cases (3 new, 0 updated), 4 time entries',
    { timeout: 60_000 },
  );
  await page.getByLabel('Name', { exact: true }).fill('Monthly casework sheet');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Saved as “Monthly casework sheet”')).toBeVisible();
  await checkPage(page, 'sheet-04-imported');

  // Next month: a fresh page, the saved mapping, one new case and two updated.
  await page.goto('/data/spreadsheet');
  await page.getByLabel('Spreadsheet', { exact: true }).setInputFiles(fixture('sheet-february.csv'));
  await page.getByRole('button', { name: 'Upload and look at the columns' }).click();
  await page.getByLabel('Use a saved mapping').selectOption('Monthly casework sheet');
  await expect(page.getByLabel('Field for column Worker')).toHaveValue('case.leadAdviser');
  await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await expect(page.getByText('5 rows → 3 cases (1 new, 2 to update) with 5 time entries')).toBeVisible();
  await page.getByRole('button', { name: 'Import 3 cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText(
    '3 cases (1 new, 2 updated), 5 time entries',
    { timeout: 60_000 },
  );
  await checkPage(page, 'sheet-05-next-month');

  const cases = (await (await page.request.get('/api/cases?search=SHEET-&limit=50')).json()) as {
    items: Array<{ ref: string; closedOn: string | null }>;
  };
  expect(cases.items.map((c) => c.ref).sort()).toEqual(['SHEET-001', 'SHEET-002', 'SHEET-003', 'SHEET-004']);
  expect(cases.items.find((c) => c.ref === 'SHEET-001')?.closedOn).toBe('2025-02-14');
});
