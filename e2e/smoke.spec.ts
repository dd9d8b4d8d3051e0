import { expect, test } from '@playwright/test';

test('the sign-in page loads and refuses a wrong password with a linked error', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Deep Value' })).toBeVisible();
  await page.getByLabel('Email address').fill('nobody@example.org');
  await page.getByLabel('Password').fill('not-the-right-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email or password is not right');
});
