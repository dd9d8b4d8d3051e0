import { expect, test } from '@playwright/test';
import path from 'node:path';
import { checkPage, demoEmail, signIn } from './support';

test('a manager reads time against outcome, filters it and drills down to the cases', async ({ page }) => {
  await signIn(page, demoEmail('manager'));
  await expect(page).toHaveURL(/\/reports\/time-vs-outcome$/);
  await expect(page.getByRole('heading', { name: 'Time against outcome' })).toBeVisible();
  const sentence = page.getByTestId('adjusted-sentence');
  await expect(sentence).toContainText(/doubling of relationship time|No adjusted estimate/);
  await expect(page.locator('.dv-chart svg').first()).toBeVisible();
  await expect(page.getByText('Association, not proof of cause.', { exact: true })).toBeVisible();
  // The cases not recorded beside n, as the commissioner's screen and the pack have them.
  await expect(page.getByRole('columnheader', { name: 'Not recorded' })).toBeVisible();
  await expect(page.getByText(/“Not recorded” counts the closed cases left out of n/)).toBeVisible();
  await checkPage(page, 'manager-01-time-vs-outcome');

  // A filter goes into the URL and narrows the figures.
  const before = await page.locator('h2 .govuk-caption-m').first().textContent();
  await page.getByLabel('Category').selectOption('housing');
  await page.getByLabel('Outcome', { exact: true }).selectOption('accepted');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/category=housing/);
  await expect(page).toHaveURL(/measure=accepted/);
  await expect(page.getByRole('heading', { name: /Outcome accepted by relationship time/ })).toBeVisible();
  await expect(page.locator('h2 .govuk-caption-m').first()).not.toHaveText(before ?? '');
  await checkPage(page, 'manager-02-time-vs-outcome-filtered');

  // Reloading keeps the view (the filters live in the URL).
  await page.reload();
  await expect(page.getByLabel('Category')).toHaveValue('housing');

  // Drill down from a figure to its cases, and on to one case.
  const figure = page.locator('tbody a').first();
  const count = (await figure.textContent())?.match(/^[\d,]+/)?.[0];
  await figure.click();
  await expect(page.getByRole('heading', { name: 'Cases behind the figure' })).toBeVisible();
  await expect(page.getByText(new RegExp(`(of|to) ${count} cases?\\.$`))).toBeVisible();
  await expect(page.getByText('Category: Housing')).toBeVisible();
  await checkPage(page, 'manager-03-drill-down');
  await page.locator('tbody a').first().click();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await checkPage(page, 'manager-04-case-from-drill-down');
});

test('a manager can open every report', async ({ page }) => {
  await signIn(page, demoEmail('manager'));
  await page.goto('/reports');
  await expect(page.getByRole('heading', { name: 'All measures' })).toBeVisible();
  // The widest table of the measures in detail fits the page at 1280 px: nothing to scroll sideways.
  const byBand = page.getByRole('region', { name: 'By relationship time' });
  await expect(byBand.getByRole('columnheader', { name: 'Not recorded' })).toBeVisible();
  expect(await byBand.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await checkPage(page, 'manager-05-reports');
  await page.goto('/reports/trends?period=quarter');
  await expect(page.getByRole('heading', { name: /by quarter/ })).toBeVisible();
  await checkPage(page, 'manager-06-trends');
  await page.goto('/reports/breakdowns?by=fundingStream');
  await expect(page.getByRole('heading', { name: /by funding/ })).toBeVisible();
  await checkPage(page, 'manager-07-breakdowns');
  await page.goto('/reports/fixed-fee');
  await expect(page.getByRole('heading', { name: 'Fixed fee against need' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Housing/ })).toBeVisible();
  await checkPage(page, 'manager-08-fixed-fee');
  await page.goto('/reports/chain');
  await expect(page.getByRole('heading', { name: 'Relationship chain' })).toBeVisible();
  await expect(page.getByTestId('mediation-sentence')).toContainText(/understanding the outcome better|No estimate/);
  // Odds read as rates for the average mix of cases, not as odds alone.
  await expect(page.getByTestId('link-time_disclosure')).toContainText(/in about \d+% of cases with 1 hour/);
  await expect(page.getByText('Association, not proof of cause.', { exact: true })).toBeVisible();
  await checkPage(page, 'manager-09-relationship-chain');
});

test('a manager imports a file, sees every error with its location, then imports a good one', async ({ page }) => {
  await signIn(page, demoEmail('manager'));
  await page.getByRole('link', { name: 'Import and export' }).click();
  await expect(page.getByRole('heading', { name: 'Import casework' })).toBeVisible();
  await checkPage(page, 'manager-09-import');

  await page
    .getByLabel('File to import')
    .setInputFiles(path.join(import.meta.dirname, 'fixtures/import-with-errors.json'));
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(failure).toContainText('2 problems');
  await expect(failure).toContainText('cases[0].timeEntries[0].minutes');
  await expect(failure).toContainText('cases[0].fundingStream');
  await checkPage(page, 'manager-10-import-errors');

  await page
    .getByLabel('File to import')
    .setInputFiles(path.join(import.meta.dirname, 'fixtures/import-one-case.json'));
  await page.getByRole('button', { name: 'Upload and import' }).click();
  await expect(page.getByRole('heading', { name: 'Import complete' })).toBeVisible();
  await checkPage(page, 'manager-11-import-done');
});

test('a manager reviews the value in £, the unit costs and the fee table', async ({ page }) => {
  await signIn(page, demoEmail('manager'));
  await page.getByRole('link', { name: 'Pricing' }).click();
  await expect(page.getByRole('heading', { name: 'Value in £', level: 1 })).toBeVisible();
  await expect(page.getByRole('table').first()).toContainText('Fiscal value');
  await checkPage(page, 'manager-12-pricing');

  await page.getByRole('link', { name: 'Unit costs and adjustments' }).click();
  await expect(page.getByLabel('Cost of an hour of adviser time')).toBeVisible();
  await page.getByLabel('Cost of an hour of adviser time').fill('abc');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('link', { name: /Enter the hourly cost in pounds/ })).toBeVisible();
  await page.getByLabel('Cost of an hour of adviser time').fill('42.50');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByText(/Saved as version \d+/)).toBeVisible();
  await checkPage(page, 'manager-13-unit-costs');

  await page.getByRole('link', { name: 'Fee table' }).click();
  await expect(page.getByRole('button', { name: 'Save the fee table' })).toBeVisible();
  await checkPage(page, 'manager-14-fee-table');
});

test('the dashboard works at 200% zoom (640 px wide)', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  await signIn(page, demoEmail('manager'));
  await expect(page.getByTestId('adjusted-sentence')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('link', { name: 'Pricing' })).toBeVisible();
  await checkPage(page, 'manager-640px-dashboard');
});

/** The first line (the group's label) of each chart axis tick, as boxes on the page. */
async function tickLabelBoxes(page: import('@playwright/test').Page) {
  return page.locator('.dv-chart .recharts-cartesian-axis-tick-label').evaluateAll((ticks) =>
    ticks
      .map((tick) => tick.querySelector('text')?.getBoundingClientRect())
      .filter((box): box is DOMRect => !!box && box.width > 0)
      .map((box) => ({ left: box.left, right: box.right, top: box.top, bottom: box.bottom })),
  );
}

test('trend and breakdown charts keep every month, and no two labels overlap, at desktop and phone widths', async ({
  page,
}) => {
  await signIn(page, demoEmail('manager'));
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/reports/trends?category=employment', '/reports/breakdowns?by=adviser']) {
      await page.goto(path);
      // The axes are drawn a moment after the bars.
      await expect(page.locator('.dv-chart text', { hasText: /^n = / }).first()).toBeVisible();
      const boxes = await tickLabelBoxes(page);
      expect(boxes.length).toBeGreaterThan(1);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart, `${path} at ${width} px: labels ${i} and ${j} overlap`).toBe(true);
        }
      if (path.startsWith('/reports/trends')) {
        // One group in the chart per row of the table, months with no cases included.
        const rows = await page.locator('.govuk-table tbody tr').count();
        await expect(page.locator('.dv-chart text', { hasText: /^n = / })).toHaveCount(rows);
      }
      await checkPage(page, `manager-chart-${path.replace(/\W+/g, '-')}-${width}`);
    }
  }
});
