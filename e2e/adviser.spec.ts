import { expect, test } from '@playwright/test';
import { checkPage, demoAdviserEmail, signIn } from './support';

test('an adviser takes in a new client, records time and feedback, and closes the case', async ({ page, request }) => {
  test.setTimeout(180_000); // one long journey with axe on every page: over a minute on a loaded machine
  const email = await demoAdviserEmail(request);
  const lastName = `Tester${Date.now().toString(36)}`;
  await signIn(page, email);

  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole('heading', { name: 'My cases' })).toBeVisible();
  await checkPage(page, 'adviser-01-my-cases');

  // Intake: one question per page.
  await page.getByRole('link', { name: 'New client and case' }).first().click();
  await expect(page.getByRole('heading', { name: 'Client’s details' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the client’s first name or last name');
  await checkPage(page, 'adviser-02-intake-client-error');
  await page.getByLabel('First name').fill('Ana');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Postcode district (optional)').fill('e3');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: /vulnerabilities/ })).toBeVisible();
  await page.getByLabel('Mental health').check();
  await checkPage(page, 'adviser-03-intake-vulnerabilities');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('Yes, they agree').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Conflict check: the organisation's clients and parties like this client, and the decision.
  await expect(page.getByRole('heading', { name: 'Conflict check' })).toBeVisible();
  await expect(page.getByText(/Searching clients and parties/)).toHaveCount(0);
  await page.getByLabel('No conflict').check();
  await checkPage(page, 'adviser-03b-intake-conflict-check');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'What is the presenting problem?' })).toBeVisible();
  await page.getByLabel('Housing').check();
  await page.getByLabel('Sub-category (optional)').selectOption({ label: 'Possession' });
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('Legal aid (fixed fee)').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('Referred by an organisation').check();
  await page.getByLabel('Search the partner directory').fill('');
  await page.locator('input[name="referrer"]').first().check();
  await checkPage(page, 'adviser-04-intake-arrival');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel(/how many other organisations/i).fill('2');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel(/how many times had the client told their story/i).fill('3');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('2', { exact: true }).check();
  await checkPage(page, 'adviser-04b-intake-confidence');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Check the details before creating the case' })).toBeVisible();
  await checkPage(page, 'adviser-05-intake-check');
  await page.getByRole('button', { name: 'Create client and case' }).click();

  // The case page.
  await expect(page.getByRole('heading', { name: new RegExp(`Ana ${lastName}`) })).toBeVisible();
  await expect(page.getByText(/Case .* opened for Ana/)).toBeVisible();
  await checkPage(page, 'adviser-06-case-new');

  // A party, checked for conflicts as it is added.
  await page.getByRole('button', { name: 'Add a party' }).click();
  await page.getByLabel('Opponent', { exact: true }).check();
  await page.getByLabel('An organisation').check();
  await page.getByLabel('Name of the organisation').fill('Riverside Homes');
  await page.getByLabel('Who is the opponent?').selectOption('landlord');
  await expect(page.getByText(/Searching clients and parties/)).toHaveCount(0);
  await page.getByLabel('No conflict').check();
  await checkPage(page, 'adviser-06b-add-party');
  await page.getByRole('button', { name: 'Save party' }).click();
  await expect(page.getByRole('article', { name: 'Riverside Homes, Opponent (Landlord)' })).toBeVisible();
  await expect(page.getByText('Party: Riverside Homes')).toBeVisible();

  // Quick time entry, keyboard only: the minutes box has the focus, Enter saves.
  await page.getByRole('button', { name: 'Record time' }).click();
  await expect(page.getByLabel('Minutes')).toBeFocused();
  await page.keyboard.type('45');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Recorded 45 min of relationship time')).toBeVisible();
  await expect(page.getByLabel('Minutes')).toBeFocused();
  await expect(page.getByLabel('Minutes')).toHaveValue('');
  await page.keyboard.type('30');
  await page.keyboard.press('Tab'); // into the timer button
  await page.keyboard.press('Tab'); // into the "kind of time" radios
  await page.keyboard.press('ArrowRight'); // casework
  await page.keyboard.press('Enter');
  await expect(page.getByText('Recorded 30 min of casework')).toBeVisible();
  await expect(page.locator('.dv-timeline')).toContainText('45 min relationship time');
  await checkPage(page, 'adviser-07-case-time-recorded');

  // Client feedback from a paper form.
  await page.getByRole('link', { name: 'Enter client feedback' }).click();
  await expect(page.getByRole('heading', { name: 'Enter client feedback' })).toBeVisible();
  for (const group of await page.getByRole('group').all()) {
    const five = group.getByLabel('5', { exact: true });
    if ((await five.count()) === 1) await five.check();
  }
  await page.getByLabel(/What else did the client say/).fill('They listened.');
  await checkPage(page, 'adviser-08-feedback');
  await page.getByRole('button', { name: 'Save feedback' }).click();
  await expect(page.getByText('Client feedback recorded')).toBeVisible();

  // An underlying problem, referred on with a warm handover.
  await page.getByRole('link', { name: 'Add an underlying problem' }).click();
  await page.getByRole('group', { name: 'What area is the problem in?' }).getByLabel('Debt').check();
  await page.getByLabel('Referred with a warm handover').check();
  await page.locator('input[name="partnerId"]').first().check();
  await checkPage(page, 'adviser-09-problem');
  await page.getByRole('button', { name: 'Save problem' }).click();
  await expect(page.getByText('Underlying problem recorded: debt')).toBeVisible();
  await expect(page.locator('.dv-timeline')).toContainText('Underlying problem uncovered: debt');

  // Close the case: one question per page.
  await page.getByRole('link', { name: 'Close the case' }).click();
  await expect(page.getByRole('heading', { name: 'What was the result for the client?' })).toBeVisible();
  await page.getByLabel('Positive', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Eviction avoided').check();
  await page.getByLabel('Benefit awarded').check();
  await page.getByLabel('Amount a year, if known').fill('4,200');
  await checkPage(page, 'adviser-10-close-benefits');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('5', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Considered and not pursued').check();
  await page.getByLabel('The client understood and accepted the outcome').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  // Asked at intake (2 of 5), so the close form asks only how they feel now.
  await expect(page.getByText('When the case opened they said 2 of 5')).toBeVisible();
  await expect(page.getByRole('group', { name: /confident did they feel about dealing/ })).toHaveCount(0);
  await page
    .getByRole('group', { name: /confident do they feel now/ })
    .getByLabel('4')
    .check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check the outcome before closing the case' })).toBeVisible();
  await expect(page.getByText('£4,200')).toBeVisible();
  await checkPage(page, 'adviser-11-close-check');
  await page.getByRole('button', { name: 'Close the case' }).click();

  await expect(page.getByRole('heading', { name: 'Case closed' })).toBeVisible();
  await expect(page.getByText(/Check back with the client on or after/)).toBeVisible();
  await checkPage(page, 'adviser-12-closed');
  await page.getByRole('link', { name: 'View the case' }).click();
  await expect(page.locator('.dv-timeline')).toContainText('Case closed: positive');
  await checkPage(page, 'adviser-13-case-closed');
});

test('the case page works at 320 px wide', async ({ page, request }) => {
  const email = await demoAdviserEmail(request);
  await page.setViewportSize({ width: 320, height: 800 });
  await signIn(page, email);
  await page.locator('.dv-case-table a').first().click();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await checkPage(page, 'adviser-320px-case');
});

test('an adviser records time from My cases with the keyboard alone', async ({ page, request }) => {
  const email = await demoAdviserEmail(request);
  await signIn(page, email);
  await expect(page.getByRole('heading', { name: 'My cases' })).toBeVisible();
  // Tab from the top of the page to the first "Record time for …" link, as a keyboard user would.
  let found = false;
  for (let i = 0; i < 60 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => /^Record time for /.test(document.activeElement?.textContent ?? ''));
  }
  expect(found).toBe(true);
  const client = (await page.evaluate(() => document.activeElement?.textContent ?? '')).replace('Record time for ', '');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Record time' })).toBeVisible();
  await expect(page.getByLabel('Minutes')).toBeFocused();
  await checkPage(page, 'adviser-14-quick-time');
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByText(`Recorded 25 min of relationship time (advice session) for ${client}`)).toBeVisible();
  await checkPage(page, 'adviser-15-my-cases-after-time');
});

test('the intake and My cases pages work at 200% zoom (640 px wide)', async ({ page, request }) => {
  const email = await demoAdviserEmail(request);
  await page.setViewportSize({ width: 640, height: 900 });
  await signIn(page, email);
  for (const path of ['/cases', '/intake/client', '/time/new']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.goto('/intake/client');
  await checkPage(page, 'adviser-640px-intake');
});

test('at 360 px My cases shows every column, and a client’s page opens a new case in the wizard', async ({
  page,
  request,
}) => {
  const email = await demoAdviserEmail(request);
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, email);
  const table = page.locator('.dv-case-table').first();
  await expect(table).toBeVisible();
  // Stacked rows: nothing of the table hides behind a sideways scroll.
  const hidden = await page.evaluate(() => {
    const box = document.querySelector('.dv-table-scroll');
    return box ? box.scrollWidth - box.clientWidth : -1;
  });
  expect(hidden).toBe(0);
  const lastColumn = await table
    .getByRole('link', { name: /^Record time/ })
    .first()
    .boundingBox();
  expect(lastColumn!.x + lastColumn!.width).toBeLessThanOrEqual(360);
  await checkPage(page, 'adviser-360px-my-cases');

  // Three times over, as the new user tried: never a blank page.
  await table.locator('a[href^="/cases/"]').first().click();
  // The client's name (the contact safety link above it goes to the client's contact safety page).
  await page.locator('a[href^="/clients/"]:not([href$="/contact-safety"])').first().click();
  const clientUrl = page.url();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto(clientUrl);
    const name = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    await page.getByRole('link', { name: 'Open a new case for this client' }).click();
    // An existing client is checked for conflicts before the case questions.
    await expect(page).toHaveURL(/\/intake\/conflict-check$/);
    await expect(page.getByRole('heading', { name: 'Conflict check' })).toBeVisible();
    await expect(page.getByText(`New case for ${name}`)).toBeVisible();
  }
});

test('an adviser adds key dates to a case, removes a limitation date and sees what is due on My cases', async ({
  page,
  request,
}) => {
  const email = await demoAdviserEmail(request);
  await signIn(page, email);
  await page.locator('.dv-case-table a[href^="/cases/"]:not([href*="/time"])').first().click();
  const section = page.locator('section[aria-labelledby="key-dates-title"]');
  await expect(section.getByRole('heading', { name: 'Key dates and tasks' })).toBeVisible();
  const rows = section.locator('tbody tr');
  const before = await rows.count();
  const add = async (fill: () => Promise<void>) => {
    const count = await rows.count();
    await fill();
    await section.getByRole('button', { name: 'Add the date' }).click();
    await expect(rows).toHaveCount(count + 1);
  };
  await section.getByText('Add a key date or task').click();
  // Mandatory reconsideration: one calendar month from the decision.
  await add(async () => {
    await page.getByLabel('Work out a deadline from a decision (optional)').selectOption('mandatory_reconsideration');
    await page.getByLabel('Date of the decision').fill('2027-01-31');
    await expect(page.getByLabel('Due date')).toHaveValue('2027-02-28');
  });
  await add(async () => {
    await page.getByLabel('Kind').selectOption('limitation');
    await page.getByLabel('What is due').fill('E2E disrepair limitation');
    await page.getByLabel('Due date').fill('2031-05-01');
  });
  const today = new Date().toISOString().slice(0, 10);
  await add(async () => {
    await page.getByLabel('Kind').selectOption('task');
    await page.getByLabel('What is due').fill('E2E chase the GP letter');
    await page.getByLabel('Due date').fill(today);
  });
  expect(await rows.count()).toBe(before + 3);
  await checkPage(page, 'adviser-16-key-dates');

  page.once('dialog', (dialog) => void dialog.accept());
  await section.getByRole('button', { name: /Remove.*E2E disrepair limitation/ }).click();
  const history = page.getByTestId('limitation-history');
  await expect(history.locator('li').first()).toContainText('Removed: E2E disrepair limitation, 1 May 2031');
  await expect(rows).toHaveCount(before + 2);

  await page.goto('/cases');
  await expect(page.getByRole('heading', { name: /^Due this week/ })).toBeVisible();
  await expect(page.getByText('E2E chase the GP letter').first()).toBeVisible();
  await checkPage(page, 'adviser-17-my-cases-key-dates');
});
