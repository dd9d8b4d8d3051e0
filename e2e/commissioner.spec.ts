import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { checkPage, COMMISSIONER_EMAIL, signIn } from './support';

test('a commissioner previews an evidence pack and downloads it', async ({ page }) => {
  // Five pages, two downloads and four accessibility checks: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  await signIn(page, COMMISSIONER_EMAIL);
  await expect(page).toHaveURL(/\/organisations$/);
  await expect(page.getByRole('heading', { name: 'Organisations sharing with you' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Riverside Law Centre', exact: true })).toBeVisible();
  await checkPage(page, 'commissioner-01-organisations');

  await page.getByRole('link', { name: /Evidence pack for all/ }).click();
  await expect(page.getByRole('heading', { name: 'Evidence pack', level: 1 })).toBeVisible();
  await page.getByLabel('Cases closed from').fill('2024-04-01');
  await page.getByLabel('Cases closed up to').fill('2026-03-31');
  await page.getByRole('button', { name: 'Preview the pack' }).click();
  await expect(page).toHaveURL(/from=2024-04-01/);
  // The pack is built on request; allow for a busy machine.
  await expect(page.getByRole('heading', { name: 'Headlines' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('term').filter({ hasText: 'Strength of evidence' })).toBeVisible();
  await checkPage(page, 'commissioner-02-pack-preview');

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Spreadsheet (XLSX)' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxBytes = fs.readFileSync((await xlsx.path())!);
  expect(xlsxBytes.subarray(0, 2).toString()).toBe('PK'); // an Office Open XML file is a zip

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Report (PDF)' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfBytes = fs.readFileSync((await pdf.path())!);
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdfBytes.length).toBeGreaterThan(1000);
  // Kept beside the screenshots, to render its pages and look at them.
  fs.writeFileSync(path.resolve(import.meta.dirname, 'screenshots', 'commissioner-pack.pdf'), pdfBytes);

  // The commissioner chooses whose unit costs price the £: each provider's own, for preview and downloads.
  const pricedWith = page.locator('.dv-stat').filter({ hasText: 'Priced with' });
  await expect(pricedWith).toContainText('Unit costs of County Legal Support Commissioning');
  // The choice navigates (a transition): the radio shows checked once the new address is rendered, so
  // click and wait for that rather than check(), which demands the state at once.
  const providerTable = page.getByRole('radio', { name: 'Each provider’s own unit-cost table' });
  await providerTable.click();
  await expect(providerTable).toBeChecked();
  await expect(page).toHaveURL(/pricedWith=provider/);
  await expect(pricedWith).toContainText('Each provider’s own unit-cost table', { timeout: 30_000 });
  await expect(page.getByRole('link', { name: 'Report (PDF)' })).toHaveAttribute('href', /pricedWith=provider/);
  await checkPage(page, 'commissioner-02b-pack-each-provider');
  const [eachPdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Report (PDF)' }).click(),
  ]);
  const eachPdfBytes = fs.readFileSync((await eachPdf.path())!);
  expect(eachPdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  fs.writeFileSync(
    path.resolve(import.meta.dirname, 'screenshots', 'commissioner-pack-each-provider.pdf'),
    eachPdfBytes,
  );

  // Commissioners see time against outcome for consenting clients with small numbers hidden, and
  // never the cases behind a figure; the fuller reports are the organisations' own.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Time against outcome' })).toBeVisible();
  await expect(page.getByTestId('adjusted-sentence')).toBeVisible();
  await expect(page.getByText(/Only clients who agreed to their anonymised data being used are counted/)).toBeVisible();
  await expect(page.locator('tbody a')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Trends' })).toHaveCount(0);
  // Beside n, the cases not recorded, as the pack's outcome tables give them.
  await expect(page.getByRole('columnheader', { name: 'Not recorded' })).toBeVisible();
  await checkPage(page, 'commissioner-03-time-vs-outcome');

  // The other rates and means the pack publishes by band have a screen of their own, the pack's own table.
  await page.getByRole('link', { name: 'Measures by relationship time' }).click();
  await page.getByLabel('Closed from').fill('2024-04-01');
  await page.getByLabel('Closed up to').fill('2026-03-31');
  await page.getByLabel('Measure').selectOption('confidence_improved');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('heading', { name: 'Confidence improved by relationship time' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('columnheader', { name: 'Not recorded' })).toBeVisible();
  await checkPage(page, 'commissioner-04-measures-by-band');
});
