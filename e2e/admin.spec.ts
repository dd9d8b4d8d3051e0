import { expect, test } from '@playwright/test';
import { checkPage, demoEmail, signIn } from './support';

test('an admin invites a user, who sets a password and signs in', async ({ page }) => {
  const email = `e2e.new-adviser.${Date.now().toString(36)}@riverside-law-centre.example.org`;
  await signIn(page, demoEmail('admin'));
  await expect(page).toHaveURL(/\/admin$/);
  await checkPage(page, 'admin-01-home');

  await page.getByRole('link', { name: 'Users and invitations' }).click();
  await expect(page.getByRole('heading', { name: 'Users and invitations' })).toBeVisible();
  await checkPage(page, 'admin-02-users');
  await page.getByRole('link', { name: 'Invite a user' }).click();
  await page.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByRole('link', { name: 'Enter the person’s name' })).toBeVisible();
  await checkPage(page, 'admin-03-invite-errors');
  await page.getByLabel('Name').fill('Nia Newcomer');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Adviser').check();
  await page.getByRole('button', { name: 'Invite' }).click();

  await expect(page.getByRole('heading', { name: 'Nia Newcomer is invited' })).toBeVisible();
  const link = await page.getByLabel('Set-password link').inputValue();
  expect(link).toMatch(/\/set-password\?token=/);
  await checkPage(page, 'admin-04-invited');
  await page.getByRole('link', { name: 'Back to users' }).click();
  await expect(page.getByRole('row', { name: /Nia Newcomer/ })).toContainText('Invited');

  // The new user follows the link.
  // Wait for the sign-out to finish: navigating at once can abort its request and leave the admin
  // signed in, so the link would be followed as the admin (the flake seen under load).
  const signedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-out'));
  await page.getByRole('button', { name: 'Sign out' }).click();
  expect((await signedOut).status()).toBe(204);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('link', { name: 'Your password must be at least 12 characters' })).toBeVisible();
  await checkPage(page, 'admin-05-set-password-errors');
  const password = 'river stone lantern meadow';
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Type the password again').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('heading', { name: 'Your password is set' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in to Deep Value' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'My cases' })).toBeVisible();
  await expect(page.getByText('Nia Newcomer')).toBeVisible();
});

test('an admin can reach every administration page', async ({ page }) => {
  await signIn(page, demoEmail('admin'));
  for (const [path, heading, shot] of [
    ['/admin/partners', 'Partner directory', 'admin-06-partners'],
    ['/admin/partners/new', 'Add a partner', 'admin-07-partner-new'],
    ['/admin/feedback-items', 'Client feedback questions', 'admin-08-feedback-items'],
    ['/admin/sharing', 'Sharing with commissioners', 'admin-09-sharing'],
    ['/admin/retention', 'Retention and security', 'admin-10-retention'],
    ['/admin/audit', 'Audit log', 'admin-11-audit'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await checkPage(page, shot);
  }
  await page.goto('/admin/audit');
  await page.getByLabel('What happened').selectOption('sign_in');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/action=sign_in/);
  await expect(page.locator('tbody tr').first()).toContainText('Signed in');
});

test('an admin changes the client feedback questions', async ({ page }) => {
  await signIn(page, demoEmail('admin'));
  await page.goto('/admin/feedback-items');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByRole('button', { name: 'Save questions' }).click();
  await expect(page.getByRole('alert')).toContainText('must not be empty');
  // Seven questions by default, so the one added is the eighth.
  await page.getByLabel('Question 8').fill('They kept me informed');
  await page.getByRole('button', { name: 'Save questions' }).click();
  await expect(page.getByText('The feedback form now asks these questions.')).toBeVisible();
  await expect(page.getByLabel('Question 8')).toHaveValue('They kept me informed');
  await checkPage(page, 'admin-12-feedback-items-saved');
});

test('with no mail server, an admin finds the invitation and a new link in the outbox', async ({ page }) => {
  const email = `e2e.outbox.${Date.now().toString(36)}@riverside-law-centre.example.org`;
  await signIn(page, demoEmail('admin'));
  await page.goto('/admin/users/invite');
  await page.getByLabel('Name').fill('Olu Outbox');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Adviser').check();
  await page.getByRole('button', { name: 'Invite' }).click();
  const panel = page.getByTestId('set-password-link');
  await expect(panel).toContainText('No mail server is set up, so the email to Olu Outbox is held in the outbox');
  const link = await page.getByLabel('Set-password link').inputValue();
  await panel.getByRole('link', { name: 'outbox' }).click();

  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
  await expect(row).toContainText('Invitation');
  await expect(row).toContainText('Held here');
  await row.locator('summary').click();
  await expect(row.locator('pre')).toContainText(new URL(link).pathname + new URL(link).search);
  await checkPage(page, 'admin-13-outbox');

  // A new invitation link, from the user's page: the panel says where its email went.
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'Olu Outbox' }).click();
  await page.getByRole('button', { name: 'Make a new invitation link' }).click();
  await expect(page.getByTestId('set-password-link')).toContainText('held in the outbox');
  expect(await page.getByLabel('Set-password link').inputValue()).not.toBe(link);
  await checkPage(page, 'admin-14-new-invitation-link');
  // The first invitation's link no longer works: the outbox says so and keeps no copy of it.
  await page.getByTestId('set-password-link').getByRole('link', { name: 'outbox' }).click();
  const rows = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Held here');
  await expect(rows.nth(1)).toContainText('Withdrawn: link no longer works');
  await rows.nth(1).locator('summary').click();
  await expect(rows.nth(1).locator('pre')).toContainText('token=(replaced by a newer link)');
  await checkPage(page, 'admin-15-outbox-link-replaced');
});
