import { expect, test } from '@playwright/test';
import { checkPage, demoAdviserEmail, signIn } from './support';

test('a client fills in the feedback form from a one-use link on their phone, without signing in', async ({
  page,
  request,
  browser,
}) => {
  await signIn(page, await demoAdviserEmail(request));
  await page.locator('table').first().getByRole('link').first().click();
  await page.getByRole('link', { name: 'Enter client feedback' }).click();
  await page.getByRole('button', { name: 'Make a link for the client' }).click();
  const link = page.getByRole('link', { name: /\/feedback\// });
  const url = (await link.getAttribute('href'))!;
  // The same link as a QR code to scan from the screen (Vitest decodes it back to the link).
  await expect(page.getByRole('img', { name: /^QR code of the link above/ })).toBeVisible();
  await checkPage(page, 'client-00-link-and-qr-code');

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const client = await phone.newPage();
  await client.goto(url);
  await expect(client.getByRole('heading', { name: 'Tell us about your adviser' })).toBeVisible();
  await expect(client.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await client.getByRole('button', { name: 'Send my answers' }).click();
  await expect(client.getByRole('alert')).toContainText('Answer at least one question');
  await client.getByRole('group', { name: 'Had time to listen to me' }).getByLabel('Strongly agree').check();
  await client.getByRole('group', { name: 'I trusted my adviser' }).getByLabel('Agree', { exact: true }).check();
  await checkPage(client, 'client-01-feedback-form');
  await client.getByRole('button', { name: 'Send my answers' }).click();
  await expect(client.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await client.goto(url);
  await expect(client.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  await phone.close();
});
