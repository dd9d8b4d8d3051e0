/** Helpers shared by the browser journeys: demo sign-in, and an accessibility check + screenshot per page. */
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

export const DEMO_PASSWORD = 'deep-value-demo';
export const DEMO_ORG = 'riverside-law-centre';
export const demoEmail = (role: 'manager' | 'admin') => `${role}@${DEMO_ORG}.example.org`;
export const COMMISSIONER_EMAIL = 'commissioner@county-commissioning.example.org';

const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');

/**
 * Runs axe on the page as it is now (zero serious or critical violations allowed) and saves a
 * full-page screenshot to e2e/screenshots/<name>.png for a person to look at.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[role="status"]', { hasText: /^Loading/ })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  expect(serious, `${name}: accessibility violations\n${report}`).toEqual([]);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** The demo advisers have generated names: ask the API (as the demo admin) for one who can sign in. */
export async function demoAdviserEmail(request: APIRequestContext): Promise<string> {
  const signIn = await request.post('/api/auth/sign-in', {
    data: { email: demoEmail('admin'), password: DEMO_PASSWORD },
  });
  expect(signIn.ok()).toBe(true);
  const users = (await (await request.get('/api/users')).json()) as Array<{
    email: string | null;
    role: string;
    active: boolean;
    invitePending: boolean;
  }>;
  // Users the journeys themselves create start with "e2e." and have their own passwords.
  const adviser = users.find(
    (u) => u.role === 'adviser' && u.active && !u.invitePending && u.email && !u.email.startsWith('e2e.'),
  );
  expect(adviser, 'a demo adviser who can sign in').toBeTruthy();
  return adviser!.email!;
}
