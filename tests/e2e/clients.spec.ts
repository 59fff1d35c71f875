import { API_NAMES, type ClientInput } from '../../electron/core/contract';
import { call } from '../support/call';
import type { AppHarness } from './harness/app';
import { expect, test } from './harness/app';

async function createClient(app: AppHarness, input: ClientInput): Promise<string> {
  return (await call(app.core(), 'clients.create', input)).id;
}

test('create a client, find it by type-ahead, edit it, and it survives a restart', async ({ app }) => {
  const { page } = app;
  await app.open('/clients');
  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
  await app.shot('01-client-list-empty');

  await page.getByRole('button', { name: /New client/ }).click();
  await page.getByLabel('First name').fill('Joanna');
  await page.getByLabel('Last name').fill('Smith');
  await page.getByLabel('Preferred name').fill('Jo');
  await page.getByLabel('Date of birth').fill('12/04/1985');
  await page.getByRole('region', { name: 'Contact', exact: true }).getByLabel('Phone').fill('07700 900123');
  await page.getByLabel('Email').fill('Jo.Smith@Example.com');
  await page.getByRole('combobox', { name: 'Fitzpatrick skin type' }).click();
  await page.getByRole('option', { name: /Type V —/ }).click();
  await page.getByRole('combobox', { name: 'Skin concerns' }).click();
  await page.getByRole('option', { name: 'Acne scars' }).click();
  await page.getByRole('option', { name: 'Pigmentation' }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Allergies').fill('Lidocaine');
  await app.shot('02-client-form');
  await page.getByRole('button', { name: /Save client/ }).click();

  await expect(page.getByRole('heading', { name: 'Joanna Smith (Jo)' })).toBeVisible();
  const alerts = page.getByRole('region', { name: 'Alerts' });
  await expect(alerts.getByText('Fitzpatrick V: PIH risk')).toBeVisible();
  await expect(alerts.getByText('Allergies recorded')).toBeVisible();
  await expect(alerts.getByText('No medical history recorded')).toBeVisible();
  await app.shot('03-client-overview');
  await app.expectNoSeriousA11yViolations();

  await createClient(app, { firstName: 'Marcus', lastName: 'Okafor', phone: '07700 900456' });
  await createClient(app, { firstName: 'Zoë', lastName: 'Smithson', email: 'zoe@example.org' });

  // Type-ahead: prefixes of first and last name, diacritics folded, last digits of a phone number.
  await page.getByRole('link', { name: 'Clients' }).click();
  const search = page.getByLabel('Search clients');
  const rows = page.getByRole('grid', { name: 'Clients' }).getByRole('row');
  await search.fill('smi');
  await expect(rows).toHaveCount(3); // header + Smith + Smithson
  await search.fill('zoe smi');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Smithson');
  await search.fill('0456');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Okafor');
  await search.fill('nobody-like-this');
  await expect(page.getByRole('heading', { name: 'No matching clients' })).toBeVisible();

  // Keyboard: search, arrow into the list, Enter opens.
  await search.fill('jo');
  await expect(rows).toHaveCount(2);
  await search.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Joanna Smith (Jo)' })).toBeVisible();

  // Edit with Ctrl+E, change the phone, save with Ctrl+S.
  await page.keyboard.press('Control+e');
  await expect(page.getByRole('heading', { name: /^Edit Joanna Smith/ })).toBeVisible();
  const phone = page.getByRole('region', { name: 'Contact', exact: true }).getByLabel('Phone');
  await phone.fill('+44 7700 900999');
  await phone.press('Control+s');
  await expect(page.getByRole('heading', { name: 'Joanna Smith (Jo)' })).toBeVisible();
  await expect(page.getByText('+44 7700 900999').first()).toBeVisible();

  // A restart of the app (database closed and reopened from disk) and a reload keep everything.
  app.restartCore();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Joanna Smith (Jo)' })).toBeVisible();
  await expect(page.getByText('+44 7700 900999').first()).toBeVisible();
});

test('invalid input is shown next to the field and nothing is saved', async ({ app }) => {
  const { page } = app;
  await app.open('/clients/new');
  await page.getByLabel('Last name').fill('Nobody');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('region', { name: 'Contact', exact: true }).getByLabel('Phone').fill('call me');
  await page.getByRole('button', { name: /Save client/ }).click();
  await expect(page.getByText('First name is required')).toBeVisible();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText(/Enter a phone number/)).toBeVisible();
  await app.shot('04-client-form-errors');
  const count = await app.core().dispatch('clients.search', { status: 'all' });
  expect(count.ok && (count.value as { total: number }).total).toBe(0);

  // The same rules hold in main: a payload that skips the form is refused with a typed error.
  const direct = await page.evaluate(() =>
    window.dermachart.clients.create({ firstName: '', lastName: 'X', fitzpatrick: 9 } as never),
  );
  expect(direct.ok).toBe(false);
  if (!direct.ok) {
    expect(direct.error.code).toBe('VALIDATION');
    expect(direct.error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['firstName', 'fitzpatrick']),
    );
  }

  // Leaving with unsaved changes asks first.
  await page.getByLabel('First name').fill('Half');
  await page.getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('dialog', { name: 'Discard unsaved changes?' })).toBeVisible();
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByLabel('First name')).toHaveValue('Half');
  await page.getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { name: 'Clients', exact: true })).toBeVisible();
});

test('medical history: record answers, see alerts, keep earlier versions', async ({ app }) => {
  const { page } = app;
  const id = await createClient(app, { firstName: 'Amara', lastName: 'Osei', fitzpatrick: 4 });
  await app.open(`/clients/${id}/history`);
  await expect(page.getByRole('heading', { name: 'No medical history yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Record medical history' }).click();

  // Saving with unanswered questions points at them instead of losing anything.
  await page.getByRole('button', { name: /Save new version/ }).click();
  await expect(page.getByText('Please answer this question').first()).toBeVisible();

  const questions = page.locator('[data-question]');
  const total = await questions.count();
  for (let i = 0; i < total; i++) {
    await questions.nth(i).getByText('No', { exact: true }).click();
  }
  const isotretinoin = page.locator('[data-question="isotretinoin"]');
  await isotretinoin.getByText('Yes', { exact: true }).click();
  const lastDose = new Date(Date.now() - 60 * 86_400_000);
  const typed = `${String(lastDose.getDate()).padStart(2, '0')}/${String(lastDose.getMonth() + 1).padStart(2, '0')}/${lastDose.getFullYear()}`;
  await isotretinoin.getByLabel('Date of the last dose').fill(typed);
  await page.locator('[data-question="keloids"]').getByText('Yes', { exact: true }).click();
  await page.locator('[data-question="herpes_history"]').getByText('Not sure', { exact: true }).click();
  await app.shot('05-medical-history-form');
  await page.getByRole('button', { name: /Save new version/ }).click();
  await expect(page.getByText('Medical history saved')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Recorded / })).toBeVisible();
  await app.shot('06-medical-history');

  await page.getByRole('tab', { name: 'Overview' }).click();
  const alerts = page.getByRole('region', { name: 'Alerts' });
  await expect(alerts.getByText('Isotretinoin within 6 months')).toBeVisible();
  await expect(alerts.getByText('Keloid or abnormal scarring history')).toBeVisible();
  await expect(alerts.getByText('Fitzpatrick IV: PIH risk')).toBeVisible();
  await expect(alerts.getByText(/Cold sore/)).toHaveCount(0); // "unsure" does not raise this one
  await expect(alerts.getByText('No medical history recorded')).toHaveCount(0);
  await app.shot('07-client-alerts');
  await app.expectNoSeriousA11yViolations();

  // A second version: keloids now answered no. The first stays viewable.
  await page.getByRole('tab', { name: 'Medical history' }).click();
  await page.getByRole('button', { name: 'Update history' }).click();
  await page.locator('[data-question="keloids"]').getByText('No', { exact: true }).click();
  await page.getByRole('button', { name: /Save new version/ }).click();
  await expect(page.getByText('Medical history saved')).toBeVisible();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(alerts.getByText('Isotretinoin within 6 months')).toBeVisible();
  await expect(alerts.getByText('Keloid or abnormal scarring history')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Medical history' }).click();
  await page.getByRole('combobox', { name: 'Version' }).click();
  await page.getByRole('option').nth(1).click();
  await expect(page.getByText('Earlier version')).toBeVisible();
  await expect(page.locator('section[aria-label="Health"]').getByText('Yes')).toBeVisible();
});

test('archive and restore a client', async ({ app }) => {
  const { page } = app;
  const id = await createClient(app, { firstName: 'Priya', lastName: 'Natarajan' });
  await app.open(`/clients/${id}`);
  await page.getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('button', { name: 'Restore' })).toBeVisible();

  await page.getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
  await page.getByLabel('Show clients').getByText('Archived', { exact: true }).click();
  const rows = page.getByRole('grid', { name: 'Clients' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Natarajan');
  await rows.nth(1).click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();
  await page.getByRole('link', { name: 'Clients' }).click();
  await page.getByLabel('Show clients').getByText('Active', { exact: true }).click();
  await expect(rows).toHaveCount(2);
});

test('a long list scrolls virtually, and Ctrl+K finds a client from anywhere', async ({ app }) => {
  const { page } = app;
  const core = app.core();
  core.db.transaction(() => {
    for (let i = 0; i < 3000; i++) {
      core.context.clients.insert({
        id: crypto.randomUUID(),
        fields: {
          firstName: `Client${i}`,
          lastName: `Surname${String(i).padStart(4, '0')}`,
          preferredName: null,
          dateOfBirth: '1990-01-01',
          sex: null,
          pronouns: null,
          phone: `07700 9${String(i).padStart(5, '0')}`,
          email: null,
          address: { line1: null, line2: null, city: null, region: null, postcode: null, country: null },
          emergencyContact: { name: null, phone: null, relationship: null },
          fitzpatrick: ((i % 6) + 1) as 1,
          skinConcerns: [],
          allergies: null,
          medications: null,
          notes: null,
        },
        at: new Date().toISOString(),
        deviceId: core.context.deviceId,
        practitionerId: null,
      });
    }
  })();
  await app.open('/clients');
  await expect(page.getByText('3,000 active clients')).toBeVisible();
  const rows = page.getByRole('grid', { name: 'Clients' }).getByRole('row');
  expect(await rows.count()).toBeLessThan(80); // only what is on screen (plus overscan) is in the DOM
  await app.shot('08-client-list');
  await app.expectNoSeriousA11yViolations();

  await page.getByTestId('client-list-scroll').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(page.getByText('Surname2999')).toBeVisible();

  await page.getByRole('grid', { name: 'Clients' }).press('Home');
  await page.keyboard.press('Control+k');
  const spotlight = page.getByPlaceholder('Name, email or phone…');
  await expect(spotlight).toBeFocused();
  await spotlight.fill('Surname1234');
  await app.shot('09-global-search');
  await page.getByRole('button', { name: /Client1234 Surname1234/ }).click();
  await expect(page.getByRole('heading', { name: 'Client1234 Surname1234' })).toBeVisible();

  // Dark theme.
  await page.getByRole('button', { name: 'Toggle colour theme' }).click();
  await app.shot('10-client-overview-dark');
});

test('the renderer cannot reach anything but the contract', async ({ app }) => {
  const { page } = app;
  await app.open('/clients');
  const surface = await page.evaluate(() => ({
    keys: Object.keys(window.dermachart).sort(),
    clients: Object.keys(window.dermachart.clients).sort(),
    frozen: Object.isFrozen(window.dermachart),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(surface).toEqual({
    keys: [...new Set(API_NAMES.map((name) => name.split('.')[0]))].sort(),
    clients: ['archive', 'create', 'get', 'restore', 'search', 'update'],
    frozen: true,
    require: 'undefined',
    process: 'undefined',
  });
  // The CSP served with the app blocks inline script.
  const inlineRan = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.append(s);
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(inlineRan).toBe(false);
});
