/** Legal aid on a case, equality monitoring, the monthly contract report and the LAA settings. */
import { expect, test } from '@playwright/test';
import { checkPage, DEMO_PASSWORD, demoEmail, signIn } from './support';

interface CaseRow {
  id: string;
  ref: string;
  category: string;
  fundingStream: string;
  openedOn: string;
  version: number;
  legalAid: unknown;
  client: { id: string };
}

test('a manager records a case’s legal aid details and equality monitoring, then checks the contract report', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await request.post('/api/auth/sign-in', { data: { email: demoEmail('manager'), password: DEMO_PASSWORD } });
  const open = (await (await request.get('/api/cases?status=open&limit=100')).json()) as {
    items: Array<{ id: string }>;
  };
  // The demo records details for every legally aided case, and equality answers for most clients.
  // Set-up through the API: the manager takes an open housing case funded otherwise, learns it is
  // legally aided, and its client's answers start as not asked.
  let kase: CaseRow | undefined;
  for (const { id } of open.items) {
    const c = (await (await request.get(`/api/cases/${id}`)).json()) as CaseRow;
    if (c.category === 'housing' && !c.fundingStream.startsWith('legal_aid') && !c.legalAid) {
      kase = c;
      break;
    }
  }
  expect(kase, 'an open housing case funded otherwise').toBeDefined();
  const { csrfToken } = (await (await request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  const client = (await (await request.get(`/api/clients/${kase!.client.id}`)).json()) as { version: number };
  const cleared = await request.put(`/api/clients/${kase!.client.id}/equality`, {
    headers,
    data: { gender: null, ethnicity: null, disability: null, version: client.version },
  });
  expect(cleared.status(), await cleared.text()).toBe(200);
  const patched = await request.patch(`/api/cases/${kase!.id}`, {
    headers,
    data: { fundingStream: 'legal_aid_fixed_fee', version: kase!.version },
  });
  expect(patched.status(), await patched.text()).toBe(200);

  await signIn(page, demoEmail('manager'));
  await page.goto(`/cases/${kase!.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Legal aid' })).toBeVisible();
  await expect(page.getByText('No legal aid details yet')).toBeVisible();
  await checkPage(page, 'legal-aid-01-case-without-details');

  await page.getByRole('link', { name: 'Record legal aid details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Legal aid details' })).toBeVisible();
  // A new record starts from the case's own category.
  await expect(page.getByLabel('Category of law')).toHaveValue('housing');
  await checkPage(page, 'legal-aid-02-form');

  await page.getByLabel('Category of law').selectOption({ label: 'Housing Loss Prevention Advice Service' });
  await page.getByLabel('Matter type 1').selectOption('LDIB');
  // HLPAS has one fee code, offered as the category's own until another is chosen.
  await expect(page.getByLabel('Fee code').locator('option:checked')).toHaveText(
    'ELA — HLPAS Stage One: early legal advice (the category’s fee)',
  );
  await page.getByLabel('Access point').fill('AP12');
  await page.getByLabel('Client’s full postcode').fill('e3 4ab');
  await page.getByRole('button', { name: 'Save legal aid details' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Access point: "AP12" is not accepted');
  await expect(page.getByLabel('Matter type 1')).toHaveValue('LDIB');
  await checkPage(page, 'legal-aid-03-form-code-refused');

  await page.getByLabel('Access point').fill('AP00000');
  await page.getByLabel('Disbursements', { exact: true }).fill('12.345');
  await page.getByRole('button', { name: 'Save legal aid details' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Disbursements: must have at most 2 decimal places');
  await page.getByLabel('Disbursements', { exact: true }).fill('£120.50');
  await page.getByRole('button', { name: 'Save legal aid details' }).click();
  await expect(page.getByText('Legal aid details saved')).toBeVisible();
  const panel = page.getByRole('region', { name: 'Legal aid' });
  await expect(panel).toContainText('Housing Loss Prevention Advice Service');
  await expect(panel).toContainText(/\d{6}\/\d{3}/);
  await expect(panel).toContainText('E3 4AB');
  await expect(panel).toContainText('£120.50 disbursements');
  await expect(panel).toContainText('ELA — HLPAS Stage One: early legal advice (the category’s fee)');
  await checkPage(page, 'legal-aid-04-case-with-details');

  await page.getByRole('link', { name: 'Ask equality monitoring' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Equality monitoring' })).toBeVisible();
  await checkPage(page, 'legal-aid-05-equality');
  await page.getByLabel('Gender').selectOption({ label: 'Prefers not to say' });
  await page.getByRole('button', { name: 'Save equality monitoring' }).click();
  await expect(page.getByText('Equality monitoring saved')).toBeVisible();
  // Asked from the case, the form returns to the case.
  await expect(page).toHaveURL(new RegExp(`/cases/${kase!.id}$`));
  await expect(page.getByText(/Gender: prefers not to say; Ethnicity: not asked/)).toBeVisible();
  await checkPage(page, 'legal-aid-06-case-with-equality');

  await page.goto('/reports');
  await page.getByRole('link', { name: /contract report/i }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Legal aid contract report' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Month' }).fill('March');
  await page.getByRole('button', { name: 'Check the month' }).click();
  await expect(page.getByText('Enter a month written YYYY-MM')).toBeVisible();
  await page.getByRole('textbox', { name: 'Month' }).fill(kase!.openedOn.slice(0, 7));
  await page.getByRole('button', { name: 'Check the month' }).click();
  const report = page.getByRole('region', { name: 'The month’s report' });
  await expect(report).toContainText(/new matter\(s\)/);
  await expect(report.getByRole('heading', { level: 2 })).toContainText(/Submission period [A-Z]{3}-\d{4}/);
  await expect(report.getByRole('link', { name: /Download the CSV/ })).toBeVisible();
  await checkPage(page, 'legal-aid-07-contract-report');
});

test('an admin sets the LAA office account and schedule', async ({ page }) => {
  await signIn(page, demoEmail('admin'));
  await page.goto('/admin');
  await page.getByRole('link', { name: /Legal aid contract/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Legal aid contract' })).toBeVisible();
  await checkPage(page, 'legal-aid-08-admin-settings');
  await page.getByLabel('LAA office account number').fill('0U0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('LAA office account number: must be');
  await checkPage(page, 'legal-aid-09-admin-settings-error');
  await page.getByLabel('LAA office account number').fill('0u099l');
  await page.getByLabel('Schedule reference').fill('0U099L/2024/01');
  await page.getByLabel('Hourly rate for advice time').fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Hourly rate for advice time: must be more than £0');
  await page.getByLabel('Hourly rate for advice time').fill('52.47');
  await page.getByLabel('Hourly rate for travel and waiting time').fill('£27');
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Legal aid contract saved')).toBeVisible();
  await expect(page.getByLabel('LAA office account number')).toHaveValue('0U099L');
  await expect(page.getByLabel('Hourly rate for travel and waiting time')).toHaveValue('27.00');
  await expect(page.getByRole('radio', { name: 'No' })).toBeChecked();
  await checkPage(page, 'legal-aid-10-admin-settings-saved');
});
