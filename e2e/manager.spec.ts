import { expect, test } from '@playwright/test';
import { checkPage, demoEmail, signIn } from './support';

test('a manager reads time against outcome, filters it and drills down to the cases', async ({ page }) => {
  await signIn(page, demoEmail('manager'));
  await expect(page).toHaveURL(/\/reports\/time-vs-outcome$/);
  await expect(page.getByRole('heading', { name: 'Time against outcome' })).toBeVisible();
  const sentence = page.getByTestId('adjusted-sentence');
  await expect(sentence).toContainText(/doubling of relationship time|No adjusted estimate/);
  await expect(page.locator('.dv-chart svg').first()).toBeVisible();
  await expect(page.getByText('Association, not proof of cause.', { exact: true })).toBeVisible();
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
  const count = (await figure.textContent())?.replace(/\D+$/, '').trim();
  await figure.click();
  await expect(page.getByRole('heading', { name: 'Cases behind the figure' })).toBeVisible();
  await expect(page.getByText(`of ${count} cases`).or(page.getByText(`to ${count} of`))).toBeVisible();
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
});
