/** An admin answers a subject access request and erases a client from the screens. */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { checkPage, DEMO_PASSWORD, demoEmail, signIn } from './support';

test('an admin finds a client, exports what is held, reads the audit entries about them and erases them', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await request.post('/api/auth/sign-in', { data: { email: demoEmail('admin'), password: DEMO_PASSWORD } });
  const clients = (await (await request.get('/api/clients?limit=100')).json()) as {
    items: Array<{
      id: string;
      ref: string;
      firstName: string | null;
      lastName: string | null;
      erasedAt: string | null;
    }>;
  };
  const client = clients.items.filter((c) => !c.erasedAt && c.firstName && c.lastName).at(-1)!;
  const name = `${client.firstName} ${client.lastName}`;

  await signIn(page, demoEmail('admin'));
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Subject access and erasure' }).click();
  await page.getByLabel(/Client’s name/).fill(client.ref);
  await page.getByRole('button', { name: 'Find' }).click();
  await checkPage(page, 'privacy-01-find');
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Records held on their cases' })).toContainText('Time entries');
  await expect(page.getByRole('link', { name: 'Download it as JSON' })).toHaveCount(0);
  await checkPage(page, 'privacy-02-client');

  await page.getByLabel(/I have checked that the request comes from the client/).check();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download it as JSON' }).click();
  const exported = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8')) as { client: { id: string } };
  expect(exported.client.id).toBe(client.id);

  await page.getByRole('link', { name: 'Audit log entries about this client and their cases' }).click();
  await expect(page.getByText(`Only entries about ${name} and their cases.`)).toBeVisible();
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toContainText('Exported client');
  await expect(rows.first().getByRole('link', { name })).toBeVisible();
  await checkPage(page, 'privacy-03-audit-for-client');
  await page.goBack();

  await page.getByRole('link', { name: 'Erase this client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Erase ${name}?` })).toBeVisible();
  await page.getByRole('button', { name: 'Erase personal details' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText(`Type the client’s reference, ${client.ref}`);
  await checkPage(page, 'privacy-04-confirm-erasure');
  await page.getByLabel(`Type the client’s reference, ${client.ref}, to confirm`).fill(client.ref);
  const erased = page.waitForResponse((r) => r.url().endsWith('/erase'));
  await page.getByRole('button', { name: 'Erase personal details' }).click();
  expect((await erased).status()).toBe(200);
  await expect(page.getByText(/Personal details erased\. The client is now known as erased-/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /^Erased client erased-/ })).toBeVisible();
  await checkPage(page, 'privacy-05-erased');
});
