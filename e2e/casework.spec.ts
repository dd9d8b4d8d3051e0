/** Issue 16's casework journeys: documents and letters on a case. */
import { expect, test } from '@playwright/test';
import { checkPage, demoAdviserEmail, demoEmail, signIn } from './support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

test('an adviser uploads a document to a case, downloads it and sees a refused file named', async ({
  page,
  request,
}) => {
  await signIn(page, await demoAdviserEmail(request));
  await page.locator('.dv-case-table a[href^="/cases/"]:not([href*="/time"])').first().click();
  const section = page.locator('section[aria-labelledby="documents-title"]');
  await expect(section.getByRole('heading', { name: 'Documents' })).toBeVisible();

  // A page saved as .pdf is refused by its content, and the reason is shown by the field.
  await section.getByLabel('Upload a document').setInputFiles({
    name: 'not-really.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html><body>hello</body></html>'),
  });
  await section.getByRole('button', { name: 'Upload the document' }).click();
  await expect(section.locator('.govuk-error-message')).toContainText('not a file type Deep Value recognises');
  await checkPage(page, 'casework-01-document-refused');

  await section.getByLabel('Upload a document').setInputFiles({
    name: 'E2E tenancy agreement.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await section.getByRole('button', { name: 'Upload the document' }).click();
  const link = section.getByRole('link', { name: 'E2E tenancy agreement.pdf' }).first();
  await expect(link).toBeVisible();
  await checkPage(page, 'casework-02-document-uploaded');

  const download = page.waitForEvent('download');
  await link.click();
  const file = await (await download).path();
  const fs = await import('node:fs');
  expect(fs.readFileSync(file).equals(PDF)).toBe(true);

  // A client care letter from the shipped template, kept with the documents.
  await section.getByLabel('Which letter').selectOption({ label: 'Client care letter' });
  await section.getByRole('button', { name: 'Generate the letter' }).click();
  await expect(section.getByText(/^Client care letter .+\.pdf added to the documents$/)).toBeVisible();
  await expect(section.getByRole('link', { name: /^Client care letter .+\.pdf$/ }).first()).toBeVisible();
  await checkPage(page, 'casework-03-letter-generated');
});

test('an admin rewords a shipped letter template and is told of an unknown field', async ({ page }) => {
  await signIn(page, demoEmail('admin'));
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Letter templates' }).click();
  await expect(page.getByRole('heading', { name: 'Letter templates', level: 1 })).toBeVisible();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a template' }) });
  await form.getByLabel('Name').fill('E2E chaser');
  await form.getByLabel('Text of the letter').fill('Dear {{client.nickname}}');
  await form.getByRole('button', { name: 'Add the template' }).click();
  await expect(form.locator('.govuk-error-message')).toContainText('{{client.nickname}} is not a case field');
  await checkPage(page, 'casework-04-letter-template-error');
  await form.getByLabel('Text of the letter').fill('Dear {{client.fullName}}\n\nAbout {{case.ref}}.');
  await form.getByRole('button', { name: 'Add the template' }).click();
  await expect(page.getByRole('heading', { name: 'E2E chaser', level: 2 })).toBeVisible();
  await checkPage(page, 'casework-05-letter-templates');
});

test('a manager reviews a file, reassigns the case and sees files due for review', async ({ page }) => {
  await signIn(page, demoEmail('manager'));
  await page.getByRole('link', { name: 'File reviews' }).click();
  await expect(page.getByRole('heading', { name: 'Files due for review' })).toBeVisible();
  await page.getByLabel('Open cases not reviewed in the last').selectOption('1');
  const first = page.locator('tbody tr').first().getByRole('link');
  await expect(first).toBeVisible();
  await checkPage(page, 'casework-06-files-due-for-review');
  const ref = (await first.textContent()) ?? '';
  await first.click();
  const section = page.locator('section[aria-labelledby="supervision-title"]');
  await section.getByLabel('Satisfactory, with actions').check();
  await section.getByLabel('Actions agreed (optional)').fill('E2E: send the client care letter this week');
  await section.getByRole('button', { name: 'Record the file review' }).click();
  await expect(section.getByText('Actions: E2E: send the client care letter this week')).toBeVisible();
  const to = section.getByLabel('New lead adviser');
  const choice = (await to.locator('option').nth(1).textContent()) ?? '';
  await to.selectOption({ label: choice });
  await section.getByRole('button', { name: 'Reassign the case' }).click();
  await expect(page.getByText(choice).first()).toBeVisible();
  await checkPage(page, 'casework-07-file-reviewed');

  await page.goto('/file-reviews');
  await page.getByLabel('Open cases not reviewed in the last').selectOption('1');
  await expect(page.getByRole('link', { name: ref, exact: true })).toHaveCount(0);
});
