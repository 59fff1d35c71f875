import { call } from '../support/call';
import { giveTreatmentConsents } from '../support/consents';
import type { AppHarness } from './harness/app';
import { expect, test } from './harness/app';

/**
 * A client whose medical history raises a keloid flag, with valid consents (so the keloid flag is the only
 * one; the consent flag has its own tests), and a serum lot to chart.
 */
async function prepare(app: AppHarness) {
  const client = await call(app.core(), 'clients.create', {
    firstName: 'Hannah',
    lastName: 'Reyes',
    fitzpatrick: 3,
  });
  const view = await call(app.core(), 'history.get', { clientId: client.id });
  const answers = view.questionnaire.sections
    .flatMap((s) => s.questions)
    .map((q) => ({ questionId: q.id, answer: q.id === 'keloids' ? ('yes' as const) : ('no' as const) }));
  await call(app.core(), 'history.save', { clientId: client.id, answers });
  await giveTreatmentConsents(app.core(), client.id);
  const catalogue = await call(app.core(), 'catalogue.get', {});
  const serum = catalogue.products.find((p) => p.kind === 'serum')!;
  const nextYear = new Date().getFullYear() + 1;
  await call(app.core(), 'catalogue.saveBatch', {
    id: null,
    fields: {
      productId: serum.id,
      lotNumber: 'HA-2291',
      expiryDate: `${nextYear}-06-30`,
      quantityOnHand: 12,
    },
  });
  return { clientId: client.id, serumName: serum.name };
}

test('chart a face session: screening, zones on the map, product lot, autosave, sign-off, amendment', async ({
  app,
}) => {
  const { page } = app;
  const { clientId, serumName } = await prepare(app);
  await app.open(`/clients/${clientId}`);

  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Start a treatment session' });
  await dialog.getByRole('combobox', { name: 'Treatment' }).click();
  await page.getByRole('option', { name: 'Face micro-needling (collagen induction)' }).click();
  await dialog.getByLabel('Practitioner').fill('Dr Amelia Hart');
  await dialog.getByRole('button', { name: 'Start session' }).click();

  // Screening first: the keloid flag must be acknowledged; proceeding on a contraindication needs a note.
  await expect(page.getByRole('heading', { name: 'Pre-treatment screening' })).toBeVisible();
  const flag = page.locator('[data-flag="keloids"]');
  await flag.getByText('Proceed', { exact: true }).click();
  await page.getByRole('button', { name: 'Record screening' }).click();
  await expect(flag.getByText(/Note why it is safe to proceed/)).toBeVisible();
  await flag.getByRole('textbox').fill('Test patch 2 weeks ago healed well; conservative depths agreed');
  await page.getByRole('button', { name: 'Record screening' }).click();

  // Zones: click on the map, Ctrl+click to add, set the depth for all selected at once.
  const map = page.getByRole('group', { name: /^Face, neck and décolleté/ });
  await map.getByRole('checkbox', { name: /^Cheek \(left\)/ }).click();
  await map.getByRole('checkbox', { name: /^Cheek \(right\)/ }).click({ modifiers: ['Control'] });
  await page.getByLabel('Depth (mm)').fill('0.75');
  await page.getByRole('button', { name: /Apply to 2 selected/ }).click();
  // Keyboard: clear the selection, focus the forehead zone and select it with Space.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await map.getByRole('checkbox', { name: /^Forehead/ }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Depth (mm)').fill('1.2'); // deeper than the usual 0.25–0.5 for the forehead
  await page.getByRole('button', { name: /Apply to 1 selected/ }).click();
  const zones = page.getByRole('table', { name: 'Zones and depths' });
  await expect(zones.locator('[data-zone="cheek-l"]')).toBeVisible();
  await expect(zones.locator('[data-zone="forehead"]')).toContainText('outside the usual');

  await page.getByRole('combobox', { name: 'Add a product batch' }).click();
  await page.getByRole('option', { name: new RegExp(`${serumName} · lot HA-2291`) }).click();
  await page.getByRole('combobox', { name: 'Clinical endpoint' }).click();
  await page.getByRole('option', { name: 'Uniform erythema' }).click();
  await page.getByRole('radiogroup', { name: 'Reactions' }).getByText('None').click();
  await page.getByLabel('Notes', { exact: true }).fill('Tolerated well.');
  await expect(page.getByText(/^Saved /)).toBeVisible();
  await app.shot('11-session-chart');
  await app.expectNoSeriousA11yViolations();

  // A reload mid-draft (or a crash) loses nothing: the draft reopens where it was.
  await page.reload();
  await expect(
    page.getByRole('table', { name: 'Zones and depths' }).locator('[data-zone="forehead"]'),
  ).toBeVisible();
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Tolerated well.');

  // Sign-off refuses an incomplete chart and says what is missing.
  await page.getByRole('button', { name: 'Sign off' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByText(/record adverse events/i).first()).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Adverse events' }).getByText('None').click();
  await expect(page.getByText(/^Saved /)).toBeVisible();
  await page.getByRole('button', { name: 'Sign off' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByText(/^Signed off by Dr Amelia Hart/)).toBeVisible();
  await expect(page.getByText(/SHA-256 [0-9a-f]{64}/)).toBeVisible();
  await app.shot('12-session-signed');

  // Amend: the original stays visible beside the amendment.
  await page.getByRole('button', { name: 'Amend' }).click();
  const amend = page.getByRole('dialog', { name: 'Amend the signed chart' });
  await amend.getByLabel('Depth for Forehead').fill('0.5');
  await amend.getByLabel('Reason for the amendment').fill('Forehead depth entered wrongly: 0.5 mm was used');
  await amend.getByRole('button', { name: 'Save amendment' }).click();
  await expect(page.getByRole('region', { name: 'Amendments', exact: true })).toContainText(
    'Forehead depth entered wrongly',
  );
  await expect(page.getByRole('region', { name: 'As originally signed' })).toContainText('1.2 mm');
  await expect(page.getByRole('region', { name: 'Current (with amendments)' })).toContainText(
    '0.5 mm (was 1.2 mm)',
  );
  await app.shot('13-session-amended');

  // The sessions list shows it, signed and amended, as session 1 of the course.
  await page.getByRole('button', { name: 'Sessions' }).click();
  const row = page.getByRole('table', { name: 'Sessions' }).getByRole('row').nth(1);
  await expect(row).toContainText('Face micro-needling');
  await expect(row).toContainText('1 of 4');
  await expect(row).toContainText('Signed');
  await expect(row).toContainText('Amended');
  await expect(row).toContainText('0.75 mm');
  await app.shot('14-sessions-tab');

  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('table', { name: 'Sessions on this day' })).toContainText('Hannah Reyes');
});

test('copy forward starts from the last signed chart, clearly marked', async ({ app }) => {
  const { page } = app;
  const { clientId } = await prepare(app);
  const catalogue = await call(app.core(), 'catalogue.get', {});
  const scalp = catalogue.treatmentTypes.find((t) => t.zoneMap === 'scalp')!;
  const first = await call(app.core(), 'sessions.start', {
    clientId,
    treatmentTypeId: scalp.id,
    practitioner: 'Dr Amelia Hart',
  });
  await call(app.core(), 'sessions.acknowledge', {
    id: first.id,
    by: 'Dr Amelia Hart',
    acknowledgements: first.screening.map((f) => ({
      alertKey: f.alertKey,
      decision: 'proceed',
      note: 'Reviewed',
    })),
  });
  await call(app.core(), 'sessions.saveDraft', {
    id: first.id,
    chart: {
      startedAt: new Date(Date.now() - 28 * 86_400_000).toISOString(),
      practitioner: 'Dr Amelia Hart',
      zones: [{ zone: 'crown', depthMm: 1.0, passes: 3, technique: 'stamping' }],
      endpoint: 'pinpoint-bleeding',
      reactions: { none: true },
      adverseEvents: { none: true },
      notes: 'First scalp session',
    },
  });
  await call(app.core(), 'sessions.sign', { id: first.id, by: 'Dr Amelia Hart' });

  await app.open(`/clients/${clientId}/sessions`);
  await page
    .getByRole('button', { name: /Start session/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Start a treatment session' });
  await dialog.getByRole('combobox', { name: 'Treatment' }).click();
  await page.getByRole('option', { name: scalp.name }).click();
  await dialog.getByLabel(/Copy forward/).check();
  await dialog.getByRole('button', { name: 'Start session' }).click();
  await page.locator('[data-flag="keloids"]').getByText('Proceed', { exact: true }).click();
  await page.locator('[data-flag="keloids"]').getByRole('textbox').fill('Reviewed again');
  await page.getByLabel('Screened by').fill('Dr Amelia Hart');
  await page.getByRole('button', { name: 'Record screening' }).click();
  await expect(page.getByText('Copied forward')).toBeVisible();
  await expect(page.getByLabel('Depth for Crown (vertex)')).toHaveValue('1');
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('');
  await app.shot('15-session-copied-forward');
});

test('catalogue: add a numbing lot that expires soon, and it is flagged when chosen on a chart', async ({
  app,
}) => {
  const { page } = app;
  const { clientId } = await prepare(app);
  await app.open('/catalogue');
  await expect(page.getByRole('heading', { name: 'Catalogue', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Add a lot of Lidocaine 4% cream' }).click();
  const lot = page.getByRole('dialog', { name: 'Add lot' });
  await lot.getByLabel('Lot number').fill('LMX-0042');
  const soon = new Date(Date.now() + 10 * 86_400_000);
  const typed = `${String(soon.getDate()).padStart(2, '0')}/${String(soon.getMonth() + 1).padStart(2, '0')}/${soon.getFullYear()}`;
  await lot.getByLabel('Expiry date').fill(typed);
  await lot.getByLabel('Quantity on hand').fill('3');
  await lot.getByRole('button', { name: 'Add lot' }).click();
  await expect(page.getByRole('table', { name: 'Lots of Lidocaine 4% cream' })).toContainText('LMX-0042');
  await expect(page.getByRole('table', { name: 'Lots of Lidocaine 4% cream' })).toContainText('Expires soon');
  await app.shot('16-catalogue');
  await app.expectNoSeriousA11yViolations();

  // A duplicate lot for the same product is refused with the reason on the field.
  await page.getByRole('button', { name: 'Add a lot of Lidocaine 4% cream' }).click();
  await lot.getByLabel('Lot number').fill('LMX-0042');
  await lot.getByLabel('Expiry date').fill(typed);
  await lot.getByRole('button', { name: 'Add lot' }).click();
  await expect(lot.getByText('This lot number is already recorded')).toBeVisible();
  await lot.getByRole('button', { name: 'Cancel' }).click();

  // Charting with it: the lot is offered, marked, and the chart warns about it.
  const catalogue = await call(app.core(), 'catalogue.get', {});
  const face = catalogue.treatmentTypes.find((t) => t.zoneMap === 'face')!;
  const session = await call(app.core(), 'sessions.start', {
    clientId,
    treatmentTypeId: face.id,
    practitioner: 'Dr Amelia Hart',
  });
  await call(app.core(), 'sessions.acknowledge', {
    id: session.id,
    by: 'Dr Amelia Hart',
    acknowledgements: session.screening.map((f) => ({
      alertKey: f.alertKey,
      decision: 'proceed',
      note: 'Reviewed',
    })),
  });
  await app.open(`/clients/${clientId}/sessions/${session.id}`);
  await page.getByRole('combobox', { name: 'Device' }).click();
  await page.getByRole('option', { name: 'Dermapen 4' }).click();
  await page.getByRole('combobox', { name: 'Needle configuration' }).click();
  await page.getByRole('option', { name: '16-pin' }).click();
  await page.getByRole('combobox', { name: 'Numbing agent (lot)' }).click();
  await page.getByRole('option', { name: /LMX-0042 .*\(expires soon\)/ }).click();
  await expect(page.getByText(/Numbing agent: lot LMX-0042 expires on/).first()).toBeVisible();
});
