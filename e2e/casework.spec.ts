/** Casework journeys: documents and letters on a case. */
import { expect, test } from '@playwright/test';
import { checkPage, demoAdviserEmail, demoEmail, signIn } from './support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const isoDay = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

test('an adviser runs a new case in Deep Value alone: conflict check, hearing, task, attendance note with its time, document, letter', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000); // one long journey with axe on every page
  await signIn(page, await demoAdviserEmail(request));
  // Given: an opponent on another of the organisation's cases (letters only, so a typo stays a typo).
  const tag = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  const opponent = `Wisniewska ${tag} Dorota`;
  const other = await page
    .locator('.dv-case-table a[href^="/cases/"]:not([href*="/time"])')
    .first()
    .getAttribute('href');
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const added = await page.request.post(`/api${other}/parties`, {
    headers: { 'X-CSRF-Token': csrfToken },
    data: { role: 'opponent', opponentType: 'landlord', kind: 'person', name: opponent },
  });
  expect(added.status(), await added.text()).toBe(201);

  // Intake of a client whose name is the opponent's, misspelt and in the other order.
  await page.getByRole('link', { name: 'New client and case' }).first().click();
  await page.getByLabel('First name').fill('Dorota');
  await page.getByLabel('Last name').fill(`Wisnieska ${tag}`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('None of these').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Yes, they agree').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Conflict check' })).toBeVisible();
  const found = page.locator('table', { has: page.locator('caption', { hasText: /like Dorota Wisnieska/ }) });
  const row = found.getByRole('row', { name: new RegExp(opponent) });
  await expect(row).toContainText('Opponent (Landlord)');
  await expect(row).toContainText('name');
  await page.getByLabel('Conflict found, can proceed').check();
  await page.getByLabel('Why you can act').fill('E2E: a different Dorota — other address, no link to the landlord');
  await checkPage(page, 'journey-01-conflict-near-match');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Housing').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Legal aid (fixed fee)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Came by themselves').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel(/how many other organisations/i).fill('1');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel(/how many times had the client told their story/i).fill('1');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Not asked').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Create client and case' }).click();

  // The case carries the check, what it found and why the adviser may act.
  await expect(page.getByRole('heading', { name: new RegExp(`Dorota Wisnieska ${tag}`) })).toBeVisible();
  const checks = page.locator('li.dv-panel', { hasText: 'Conflict found, can proceed' });
  await expect(checks).toContainText(`Client: Dorota Wisnieska ${tag}`);
  await expect(checks).toContainText('Why: E2E: a different Dorota');
  await checks.getByText('1 possible match found').click();
  await expect(checks.getByRole('row', { name: new RegExp(opponent) })).toBeVisible();
  await checkPage(page, 'journey-02-case-with-conflict-check');
  const caseUrl = page.url();

  // Contact safety, where the contact details are: no letters home, a Polish interpreter, large print.
  await page.getByRole('link', { name: 'Record contact safety' }).click();
  await expect(page.getByRole('heading', { name: /Contact safety/ })).toBeVisible();
  await page.getByRole('group', { name: 'Letter' }).getByLabel('Not safe').check();
  await page.getByRole('group', { name: 'Phone call' }).getByLabel('Safe', { exact: true }).check();
  await page.getByLabel('Interpreter needed: language (optional)').fill('Polish');
  await page.getByLabel('Large print').check();
  await checkPage(page, 'journey-02b-contact-safety');
  await page.getByRole('button', { name: 'Save contact safety' }).click();
  await expect(page.getByText('Contact safety saved')).toBeVisible();
  await expect(page.locator('main')).toContainText('Polish');
  await checkPage(page, 'journey-02c-client-contact-safety');
  await page.goto(caseUrl);

  // A hearing date and a task.
  const dates = page.locator('section[aria-labelledby="key-dates-title"]');
  await dates.getByText('Add a key date or task').click();
  const addDate = async (kind: string, title: string, dueOn: string) => {
    await dates.getByLabel('Kind').selectOption(kind);
    await dates.getByLabel('What is due').fill(title);
    await dates.getByLabel('Due date').fill(dueOn);
    await dates.getByRole('button', { name: 'Add the date' }).click();
    await expect(dates.locator('tbody tr', { hasText: title })).toBeVisible();
  };
  await addDate('hearing', `E2E possession hearing ${tag}`, isoDay(1));
  await addDate('task', `E2E ask for the rent statement ${tag}`, isoDay(0));
  await checkPage(page, 'journey-03-hearing-and-task');

  // An attendance note and its time, as one action.
  const notes = page.locator('section[aria-labelledby="notes-title"]');
  await notes.getByLabel('Attendance note').check();
  await notes.getByLabel('Note', { exact: true }).fill(`E2E ${tag}: went through the possession claim form by phone.`);
  await notes.getByLabel('Time spent (optional)').fill('35');
  await notes.getByLabel('How you met').selectOption({ label: 'Phone' });
  await notes.getByRole('button', { name: 'Add note' }).click();
  const note = notes.getByRole('article', { name: /^Attendance note/ }).filter({ hasText: tag });
  await expect(note).toContainText('With 35 min of relationship time (phone)');
  await expect(page.locator('.dv-timeline')).toContainText('35 min relationship time');
  await checkPage(page, 'journey-04-attendance-note');

  // A document and a client care letter, kept on the case.
  const documents = page.locator('section[aria-labelledby="documents-title"]');
  await documents.getByLabel('Upload a document').setInputFiles({
    name: `E2E claim form ${tag}.pdf`,
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await documents.getByRole('button', { name: 'Upload the document' }).click();
  await expect(documents.getByRole('link', { name: `E2E claim form ${tag}.pdf` })).toBeVisible();
  await documents.getByLabel('Which letter').selectOption({ label: 'Client care letter' });
  await documents.getByRole('button', { name: 'Generate the letter' }).click();
  await expect(documents.getByRole('link', { name: /^Client care letter .+\.pdf$/ })).toBeVisible();
  await checkPage(page, 'journey-05-document-and-letter');

  // My cases: the hearing and the task are there to be seen.
  await page.getByRole('link', { name: 'My cases' }).first().click();
  const week = page.locator('ul', { has: page.getByText(`E2E possession hearing ${tag}`) });
  await expect(week).toContainText(`E2E possession hearing ${tag} (Hearing)`);
  await expect(page.getByText(`E2E ask for the rent statement ${tag}`)).toBeVisible();
  await checkPage(page, 'journey-06-my-cases-due');

  // The note is found by its words from Search, with its case.
  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await page.getByLabel('Name, case reference or postcode district').fill(`${tag}: went through`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Notes containing “${tag}: went through” (1)` })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'possession claim form' })).toContainText(
    'Attendance note',
  );
  await checkPage(page, 'journey-07-note-found');
});

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
  // A deadline that has passed, for the overdue view below.
  const overdue = `E2E chase the council ${Date.now().toString(36)}`;
  const dates = page.locator('section[aria-labelledby="key-dates-title"]');
  await dates.getByText('Add a key date or task').click();
  await dates.getByLabel('Kind').selectOption('deadline');
  await dates.getByLabel('What is due').fill(overdue);
  await dates.getByLabel('Due date').fill(isoDay(-3));
  await dates.getByRole('button', { name: 'Add the date' }).click();
  await expect(dates.locator('tbody tr', { hasText: overdue })).toBeVisible();

  await page.goto('/file-reviews');
  await page.getByLabel('Open cases not reviewed in the last').selectOption('1');
  await expect(page.getByRole('link', { name: ref, exact: true })).toHaveCount(0);

  // Every overdue key date in the organisation, with whose it is.
  await page.goto('/cases');
  await page.getByRole('link', { name: 'Show everyone’s cases' }).click();
  await expect(page.getByRole('heading', { name: /^Overdue \(/ })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: overdue })).toContainText(`(Deadline) — `);
  await expect(page.getByRole('listitem').filter({ hasText: overdue })).toContainText(choice.trim());
  await checkPage(page, 'casework-08-everyones-key-dates');
});
