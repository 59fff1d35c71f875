import { call } from '../support/call';
import { signConsent } from '../support/consents';
import { expect, test } from './harness/app';

test('scratch: look at pages', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const client = await call(app.core(), 'clients.create', {
    firstName: 'Olivia',
    lastName: 'Grant',
    dateOfBirth: '1988-09-14',
  });
  const record = await signConsent(app.core(), client.id, 'microneedling-face', { witness: true });
  await signConsent(app.core(), client.id, 'photography', { photoScope: 'marketing' });
  const catalogue = await call(app.core(), 'catalogue.get', {});
  const face = catalogue.treatmentTypes.find((t) => t.consentTemplate === 'microneedling-face')!;
  const scalp = catalogue.treatmentTypes.find((t) => t.consentTemplate === 'microneedling-scalp')!;
  const session = await call(app.core(), 'sessions.start', {
    clientId: client.id,
    treatmentTypeId: face.id,
    practitioner: 'Dr A',
  });
  await call(app.core(), 'sessions.acknowledge', {
    id: session.id,
    by: 'Dr A',
    acknowledgements: session.screening.map((f) => ({
      alertKey: f.alertKey,
      decision: 'proceed',
      note: 'Reviewed',
    })),
  });
  await call(app.core(), 'consents.revoke', {
    id: record.id,
    reason: 'Client changed her mind after reading about PIH risk',
    by: 'Dr A',
  });
  await app.open(`/clients/${client.id}/sessions/${session.id}`);
  await page.getByTestId('session-consent-warning').waitFor();
  await page.screenshot({ path: '/tmp/shots/session-warning.png' });
  const s2 = await call(app.core(), 'sessions.start', {
    clientId: client.id,
    treatmentTypeId: scalp.id,
    practitioner: 'Dr A',
  });
  await app.open(`/clients/${client.id}/sessions/${s2.id}`);
  await page.locator('[data-flag="consent"]').waitFor();
  await page.screenshot({ path: '/tmp/shots/flag.png' });
  await app.open(`/clients/${client.id}/consents/${record.id}`);
  await page.getByRole('region', { name: 'Signatures' }).waitFor();
  await page.screenshot({ path: '/tmp/shots/revoked-record.png' });
  await app.open(`/clients/${client.id}`);
  await page.getByRole('region', { name: 'Consent', exact: true }).getByText('Photo use').waitFor();
  await page.screenshot({ path: '/tmp/shots/overview.png' });
  await app.open(`/clients/${client.id}/consents`);
  await page.getByRole('table', { name: 'Signed consents' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/records.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: /Sign now: Consent to scalp/ }).click();
  await page.getByRole('textbox', { name: 'Practitioner' }).fill('Dr Amelia Hart');
  await page.getByRole('button', { name: 'Hand the screen to the client' }).click();
  for (const ack of await page.locator('[data-ack]').getByRole('checkbox').all()) await ack.check();
  const pad = page.getByRole('img', { name: /^Client signature pad/ });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 50, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 60, { steps: 10 });
  await page.mouse.up();
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/shots/dark-resized.png' });
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.getByRole('button', { name: 'I agree and sign' }).click();
  await page.getByLabel('A witness is present and signs too').check();
  await page.screenshot({ path: '/tmp/shots/countersign.png' });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(600);
  await page.screenshot({ path: '/tmp/shots/leave.png' });
  await page.getByRole('button', { name: 'Leave signing mode' }).click();
  await expect(page.getByRole('table', { name: 'Consent status' })).toBeVisible();
});
