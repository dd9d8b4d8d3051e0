import { expect, test } from '@playwright/test';
import type { EvidencePackPreview } from '@deepvalue/shared';
import fs from 'node:fs';
import path from 'node:path';
import { checkPage, demoEmail, signIn } from './support';

const QUERY = 'from=2025-04-01&to=2026-03-31&asOf=2026-06-30';

test('a manager replaces the demo’s funding for a year, and the pack shows value per £1 of it', async ({ page }) => {
  await signIn(page, demoEmail('manager'));
  const preview = async () =>
    (await (await page.request.get(`/api/evidence-packs/preview?${QUERY}`)).json()) as EvidencePackPreview;
  const perFunding = (pack: EvidencePackPreview) =>
    pack.headlines.find((h) => h.label === 'Fiscal value per £1 of funding')!;
  const netFiscal = (pack: EvidencePackPreview) =>
    Number(
      pack.tables
        .find((t) => t.name === 'value-summary')!
        .rows.find((r) => r.group_by === 'Overall' && String(r.kind).startsWith('Fiscal'))!.net_central_gbp,
    );

  // The demo comes with four quarterly grants of £62,500 for the year.
  const seeded = await preview();
  expect(perFunding(seeded).value).toBe(`£${(netFiscal(seeded) / 250000).toFixed(2)}`);
  expect(perFunding(seeded).detail).toContain('£250,000 recorded for the period (4 records)');

  await page.goto('/pricing');
  await page.getByRole('link', { name: 'Funding received' }).click();
  await expect(page.getByRole('heading', { name: 'Funding received', level: 1 })).toBeVisible();
  // Deleted, the year is no longer covered: the pack says so instead of giving a figure.
  for (const from of ['1 April 2025', '1 July 2025', '1 October 2025', '1 January 2026']) {
    await page.getByRole('button', { name: `Delete the funding from ${from}` }).click();
    await expect(page.getByText(`Deleted the funding for ${from}`)).toBeVisible();
  }
  expect(perFunding(await preview())).toMatchObject({ value: 'not available' });
  // The form says what is wrong, field by field.
  await page.getByLabel('First day it paid for').fill('2025-04-01');
  await page.getByLabel('Last day it paid for').fill('2025-03-31');
  await page.getByRole('button', { name: 'Record funding' }).click();
  await expect(page.getByRole('link', { name: 'The last day must be on or after the first day' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Enter an amount in pounds/ })).toBeVisible();
  await page.getByLabel('Last day it paid for').fill('2026-03-31');
  await page.getByLabel('Amount').fill('250,000');
  await page.getByLabel('Who paid it').fill('County council advice contract');
  await page.getByRole('button', { name: 'Record funding' }).click();
  await expect(page.getByText('Recorded £250,000 for')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'County council advice contract' })).toBeVisible();
  // A record can be corrected in place: the same checks, then the pack follows the new amount.
  await page.getByRole('button', { name: 'Edit the funding from 1 April 2025' }).click();
  await expect(
    page.getByRole('heading', { name: 'Correct the funding for 1 April 2025 to 31 March 2026' }),
  ).toBeVisible();
  await expect(page.getByLabel('Amount')).toHaveValue('250000');
  await page.getByLabel('Amount').fill('0');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('link', { name: /Enter an amount in pounds/ })).toBeVisible();
  await checkPage(page, 'manager-funding-edit');
  await page.getByLabel('Amount').fill('240,000');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved £240,000 for 1 April 2025 to 31 March 2026')).toBeVisible();
  await page.getByRole('button', { name: 'Edit the funding from 1 April 2025' }).click();
  await page.getByLabel('Amount').fill('250000');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved £250,000 for')).toBeVisible();
  await checkPage(page, 'manager-funding');

  // The headline is the pack's published net fiscal value ÷ £250,000, worked out here.
  const pack = await preview();
  expect(perFunding(pack).value).toBe(`£${(netFiscal(pack) / 250000).toFixed(2)}`);
  expect(perFunding(pack).detail).toContain('£250,000 recorded for the period (1 record)');

  const pdf = await page.request.get(`/api/evidence-packs/download?${QUERY}&format=pdf`);
  expect(pdf.ok()).toBe(true);
  const out = path.resolve(import.meta.dirname, 'screenshots');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'manager-funding-pack.pdf'), await pdf.body());
});
