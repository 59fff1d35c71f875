import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { call } from '../support/call';
import { signConsent } from '../support/consents';
import type { AppHarness } from './harness/app';
import { expect, SCREENSHOT_DIR, test } from './harness/app';

const PRACTITIONER = 'Dr Amelia Hart';

// Each test signs or renders PDFs in the test's own Chromium, and checks accessibility on long pages.
test.describe.configure({ timeout: 120_000 });

/** A client with a medical history that raises no alert, so the only screening flag is about consent. */
async function prepare(app: AppHarness) {
  const client = await call(app.core(), 'clients.create', {
    firstName: 'Olivia',
    lastName: 'Grant',
    dateOfBirth: '1988-09-14',
    fitzpatrick: 2,
  });
  const view = await call(app.core(), 'history.get', { clientId: client.id });
  const answers = view.questionnaire.sections
    .flatMap((s) => s.questions)
    .map((q) => ({ questionId: q.id, answer: 'no' as const }));
  await call(app.core(), 'history.save', { clientId: client.id, answers });
  const families = await call(app.core(), 'consents.templates', {});
  const face = families.find((f) => f.code === 'microneedling-face')!;
  const catalogue = await call(app.core(), 'catalogue.get', {});
  const treatment = catalogue.treatmentTypes.find((t) => t.consentTemplate === face.code)!;
  return { clientId: client.id, face, treatment };
}

/** Draws a signature with real mouse movements (pointer events, as signature_pad listens for them). */
async function drawSignature(page: Page, pad: Locator, wobble = 3) {
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const x0 = box.x + box.width * 0.12;
  const y0 = box.y + box.height * 0.62;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 36; i++) {
    const t = i / 36;
    await page.mouse.move(
      x0 + t * box.width * 0.55,
      y0 - Math.sin(t * Math.PI * wobble) * box.height * 0.22 - t * box.height * 0.1,
      { steps: 2 },
    );
  }
  await page.mouse.up();
  // A second stroke: the underline.
  await page.mouse.move(x0 + box.width * 0.05, y0 + box.height * 0.12);
  await page.mouse.down();
  await page.mouse.move(x0 + box.width * 0.62, y0 + box.height * 0.08, { steps: 12 });
  await page.mouse.up();
  await expect(pad).toHaveAttribute('data-empty', 'false');
}

/** Signing mode from the practitioner's step to the completion screen, with an optional witness. */
async function signInSigningMode(app: AppHarness, opts: { witness?: string; shot?: string } = {}) {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Prepare the form' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Practitioner' }).fill(PRACTITIONER);
  await page.getByRole('button', { name: 'Hand the screen to the client' }).click();

  const acks = page.locator('[data-ack]');
  await expect(acks.first()).toBeVisible();
  for (const ack of await acks.getByRole('checkbox').all()) await ack.check();
  const scope = page.locator('[data-scope="training"]');
  if (await scope.count()) await scope.click();
  await drawSignature(page, page.getByRole('img', { name: /^Client signature pad/ }));
  if (opts.shot) {
    await app.shot(opts.shot);
    await app.expectNoSeriousA11yViolations();
  }
  await page.getByRole('button', { name: 'I agree and sign' }).click();

  await expect(page.getByRole('heading', { name: 'Practitioner countersignature' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Practitioner' })).toHaveValue(PRACTITIONER);
  await drawSignature(page, page.getByRole('img', { name: /^Practitioner signature pad/ }), 2);
  if (opts.witness) {
    await page.getByLabel('A witness is present and signs too').check();
    await page.getByLabel('Witness’s name').fill(opts.witness);
    await drawSignature(page, page.getByRole('img', { name: /^Witness signature pad/ }), 4);
  }
  await page.getByRole('button', { name: 'Complete and seal the consent' }).click();
  // Sealing renders the PDF: give it time on a busy machine.
  await expect(page.getByRole('heading', { name: 'Consent signed' })).toBeVisible({ timeout: 30_000 });
}

test('sign on screen, chart with it, verify, save the PDF, revoke, and the session warns', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  const { clientId, face, treatment } = await prepare(app);
  await app.open(`/clients/${clientId}/consents`);

  const status = page.getByRole('table', { name: 'Consent status' });
  const faceRow = status.locator(`[data-standing="${face.code}"]`);
  await expect(faceRow).toContainText('Missing');
  await faceRow.getByRole('button', { name: `Sign now: ${face.title}` }).click();

  // Signing mode covers the app: no sidebar, no search, and only this client's form.
  await expect(page.getByRole('heading', { name: 'Prepare the form' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Practitioner' }).fill(PRACTITIONER);
  await page.getByRole('button', { name: 'Hand the screen to the client' }).click();
  await expect(page.getByRole('heading', { name: face.current.title, level: 1 })).toBeVisible();
  await expect(page.getByText('For Olivia Grant · version 1')).toBeVisible();

  // The app's shortcuts do nothing; Escape asks for the practitioner instead of leaving.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('searchbox', { name: 'Find a client' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  const leave = page.getByRole('dialog', { name: 'Hand back to the practitioner?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Keep signing' }).click();
  await expect(leave).toBeHidden();
  // Going back in history is held too.
  await page.goBack();
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Keep signing' }).click();
  await expect(page.getByRole('heading', { name: face.current.title, level: 1 })).toBeVisible();

  // Continuing too early says what is missing.
  await page.getByRole('button', { name: 'I agree and sign' }).click();
  await expect(
    page.getByText(/Before continuing: \d+ box(es)? still to tick, sign in the box\./),
  ).toBeVisible();
  await expect(page.getByText('Please tick this box to confirm').first()).toBeVisible();

  for (const ack of await page.locator('[data-ack]').getByRole('checkbox').all()) await ack.check();
  await drawSignature(page, page.getByRole('img', { name: /^Client signature pad/ }));
  // Clear and redo.
  await page.getByRole('button', { name: 'Clear client signature' }).click();
  await expect(page.getByRole('img', { name: /^Client signature pad/ })).toHaveAttribute(
    'data-empty',
    'true',
  );
  await drawSignature(page, page.getByRole('img', { name: /^Client signature pad/ }));
  await app.shot('23-consent-signing');
  await app.expectNoSeriousA11yViolations();
  await page.getByRole('button', { name: 'I agree and sign' }).click();

  await expect(page.getByRole('heading', { name: 'Practitioner countersignature' })).toBeVisible();
  await page.getByRole('button', { name: 'Complete and seal the consent' }).click();
  await expect(page.getByText('The practitioner’s signature is missing')).toBeVisible();
  await drawSignature(page, page.getByRole('img', { name: /^Practitioner signature pad/ }), 2);
  await page.getByLabel('A witness is present and signs too').check();
  await page.getByLabel('Witness’s name').fill('Sam Patel');
  await drawSignature(page, page.getByRole('img', { name: /^Witness signature pad/ }), 4);
  await page.getByRole('button', { name: 'Complete and seal the consent' }).click();
  // Sealing renders the PDF: give it time on a busy machine.
  await expect(page.getByRole('heading', { name: 'Consent signed' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Return to Olivia’s record' }).click();

  // Valid on the client's page, with the record listed.
  await expect(faceRow).toContainText('Valid');
  await expect(faceRow).toContainText(/Valid until \d{1,2} \w{3} \d{4}/);
  const records = page.getByRole('table', { name: 'Signed consents' });
  await expect(records.getByRole('row')).toHaveCount(2);
  await app.shot('24-consents-tab');
  await app.expectNoSeriousA11yViolations();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('region', { name: 'Consent', exact: true })).toContainText('1 consent valid.');

  // Charting a session of the treatment: no consent flag, straight to the chart.
  await page.keyboard.press('Control+n');
  const start = page.getByRole('dialog', { name: 'Start a treatment session' });
  await start.getByRole('combobox', { name: 'Treatment' }).click();
  await page.getByRole('option', { name: treatment.name }).click();
  await start.getByLabel('Practitioner').fill(PRACTITIONER);
  await start.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByLabel('Notes', { exact: true })).toBeVisible();
  await expect(page.locator('[data-flag="consent"]')).toHaveCount(0);
  await expect(page.getByTestId('session-consent-warning')).toHaveCount(0);
  const sessionUrl = page.url();
  const sessionId = sessionUrl.split('/sessions/')[1]!;
  await call(app.core(), 'sessions.saveDraft', {
    id: sessionId,
    chart: {
      startedAt: new Date().toISOString(),
      practitioner: PRACTITIONER,
      zones: [{ zone: 'forehead', depthMm: 0.5, passes: 2, technique: 'stamping' }],
      endpoint: 'uniform-erythema',
      reactions: { none: true },
      adverseEvents: { none: true },
    },
  });
  await call(app.core(), 'sessions.sign', { id: sessionId, by: PRACTITIONER });

  // The record, exactly as signed.
  await app.open(`/clients/${clientId}/consents`);
  await records.getByRole('link', { name: face.title }).click();
  await expect(page.getByRole('heading', { name: face.title, level: 2 })).toBeVisible();
  const asSigned = page.getByRole('region', { name: 'The form as signed' });
  await expect(asSigned).toContainText(face.current.blocks.find((b) => b.type === 'heading')!.text);
  const signatures = page.getByRole('region', { name: 'Signatures' });
  for (const name of [
    'Client signature of Olivia Grant',
    `Practitioner signature of ${PRACTITIONER}`,
    'Witness signature of Sam Patel',
  ]) {
    const img = signatures.getByRole('img', { name });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  }
  const facts = page.getByRole('region', { name: 'Record', exact: true });
  await expect(facts).toContainText('Signed (UTC)');
  await expect(facts).toContainText('Signed (local)');
  await expect(facts).toContainText('Workstation');
  await expect(page.getByTestId('consent-seal')).toHaveText(/^[0-9a-f]{64}$/);

  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('Intact: nothing has changed since this consent was signed')).toBeVisible();
  await expect(page.locator('[data-check][data-ok="true"]')).toHaveCount(3);
  await app.shot('25-consent-record');
  await app.expectNoSeriousA11yViolations();

  // Save PDF gives the stored bytes, identical; its first page is looked at as an image.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save PDF' }).click();
  const saved = readFileSync((await (await download).path())!);
  const recordId = page.url().split('/consents/')[1]!;
  const stored = await call(app.core(), 'consents.document', { id: recordId });
  expect(Buffer.compare(saved, Buffer.from(stored.bytes))).toBe(0);
  expect(saved.subarray(0, 5).toString()).toBe('%PDF-');
  const pdfPath = join(SCREENSHOT_DIR, 'consent.pdf.tmp');
  writeFileSync(pdfPath, saved);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdfPath,
    join(SCREENSHOT_DIR, '28-consent-pdf-page-1'),
  ]);
  execFileSync('rm', ['-f', pdfPath]);

  // Revoke: a reason is required, then the record shows it and the session warns.
  await page.getByRole('button', { name: 'Revoke' }).click();
  const revoke = page.getByRole('dialog', { name: 'Revoke this consent?' });
  await revoke.getByRole('button', { name: 'Revoke consent' }).click();
  await expect(revoke.getByText('Give the reason for revoking')).toBeVisible();
  await revoke.getByLabel('Reason for revoking').fill('Client withdrew consent by phone');
  await revoke.getByLabel('Recorded by').fill(PRACTITIONER);
  await revoke.getByRole('button', { name: 'Revoke consent' }).click();
  await expect(revoke).toBeHidden();
  await expect(page.getByText(/^Revoked on .* by Dr Amelia Hart$/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Consent record' })).toContainText(
    'Client withdrew consent by phone',
  );
  await expect(page.getByRole('button', { name: 'Revoke' })).toHaveCount(0);

  await app.open(`/clients/${clientId}/sessions/${sessionId}`);
  await expect(page.getByTestId('session-consent-warning')).toContainText(
    /The consent for this treatment was revoked on \d{1,2} \w{3} \d{4}: Client withdrew consent by phone/,
  );
});

test('a session without consent is flagged, and Sign consent now resolves the flag', async ({ app }) => {
  const { page } = app;
  const { clientId, treatment } = await prepare(app);
  const session = await call(app.core(), 'sessions.start', {
    clientId,
    treatmentTypeId: treatment.id,
    practitioner: PRACTITIONER,
  });
  await app.open(`/clients/${clientId}/sessions/${session.id}`);
  const flag = page.locator('[data-flag="consent"]');
  await expect(flag).toBeVisible();
  await expect(flag.getByRole('textbox')).toHaveAttribute(
    'placeholder',
    'Reason to proceed without a signed consent (required)',
  );
  await flag.getByRole('button', { name: 'Sign consent now' }).click();

  await signInSigningMode(app);
  await page.getByRole('button', { name: 'Return to the session' }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${session.id}$`));
  await expect(page.getByLabel('Notes', { exact: true })).toBeVisible();
  await expect(page.locator('[data-flag="consent"]')).toHaveCount(0);
  const after = await call(app.core(), 'sessions.get', { id: session.id });
  expect(after.consent?.status).toBe('valid');
});

test('photo consent with its scope, and the paper route', async ({ app }) => {
  const { page } = app;
  const { clientId, face } = await prepare(app);
  const photo = (await call(app.core(), 'consents.templates', {})).find((f) => f.kind === 'photo')!;
  await app.open(`/clients/${clientId}/consents`);

  // Photo consent on screen: the client chooses the scope.
  const status = page.getByRole('table', { name: 'Consent status' });
  await status.getByRole('button', { name: `Sign now: ${photo.title}` }).click();
  await page.getByRole('textbox', { name: 'Practitioner' }).fill(PRACTITIONER);
  await page.getByRole('button', { name: 'Hand the screen to the client' }).click();
  for (const ack of await page.locator('[data-ack]').getByRole('checkbox').all()) await ack.check();
  await drawSignature(page, page.getByRole('img', { name: /^Client signature pad/ }));
  await page.getByRole('button', { name: 'I agree and sign' }).click();
  await expect(page.getByText(/choose how your photos may be used/)).toBeVisible();
  await page.locator('[data-scope="training"]').click();
  await page.getByRole('button', { name: 'I agree and sign' }).click();
  await drawSignature(page, page.getByRole('img', { name: /^Practitioner signature pad/ }), 2);
  await page.getByRole('button', { name: 'Complete and seal the consent' }).click();
  // Sealing renders the PDF: give it time on a busy machine.
  await expect(page.getByRole('heading', { name: 'Consent signed' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Return to Olivia’s record' }).click();
  await expect(page.getByText(/^Photo use allowed:\s*Training \(de-identified\)$/)).toBeVisible();

  // Paper: a blank pre-filled form as a PDF, then the signed scan attached as the record.
  const faceRow = status.locator(`[data-standing="${face.code}"]`);
  await faceRow.getByRole('button', { name: `Print a blank ${face.title} form` }).click();
  const blank = page.getByRole('dialog', { name: 'Print a blank form' });
  await blank.getByRole('textbox', { name: 'Practitioner' }).fill(PRACTITIONER);
  const download = page.waitForEvent('download');
  await blank.getByRole('button', { name: 'Save PDF' }).click();
  const blankPdf = readFileSync((await (await download).path())!);
  expect(blankPdf.subarray(0, 5).toString()).toBe('%PDF-');

  await faceRow.getByRole('button', { name: `Attach a signed scan of ${face.title}` }).click();
  const attach = page.getByRole('dialog', { name: 'Attach a signed scan' });
  await attach.getByRole('button', { name: 'Attach as the signed record' }).click();
  await expect(attach.getByText('Choose the scanned form (a PDF or an image)')).toBeVisible();
  await expect(attach.getByText('Enter the date the form was signed')).toBeVisible();
  const scan = await sharp({ create: { width: 600, height: 840, channels: 3, background: '#fdfdf8' } })
    .png()
    .toBuffer();
  await attach
    .locator('input[type="file"]')
    .setInputFiles({ name: 'signed-form.png', mimeType: 'image/png', buffer: scan });
  const today = new Date();
  const typed = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`;
  await attach.getByLabel('Signed on').fill(typed);
  await attach.getByRole('textbox', { name: 'Practitioner' }).fill(PRACTITIONER);
  await attach.getByRole('button', { name: 'Attach as the signed record' }).click();
  await expect(attach).toBeHidden();
  await expect(faceRow).toContainText('Valid');
  await expect(faceRow).toContainText('Paper, scanned');
});

test('editing a form creates version 2; version 1 stays viewable', async ({ app }) => {
  const { page } = app;
  const families = await call(app.core(), 'consents.templates', {});
  const face = families.find((f) => f.code === 'microneedling-face')!;
  await app.open('/consent-forms');
  const table = page.getByRole('table', { name: 'Consent forms' });
  const row = table.locator(`[data-family="${face.code}"]`);
  await expect(row).toContainText('Version 1');
  await row.getByRole('button', { name: `Edit ${face.title}` }).click();

  await expect(page.getByRole('heading', { name: `Edit ${face.title}` })).toBeVisible();
  await expect(page.getByRole('button', { name: /Save as version 2/ })).toBeVisible();
  await app.shot('26-consent-template-editor');
  await app.expectNoSeriousA11yViolations();
  const count = face.current.blocks.length;

  // A new paragraph with a placeholder from the menu, moved up one place.
  await page.getByRole('button', { name: 'Add a paragraph' }).click();
  const added = page.locator(`[data-block="${count}"]`);
  await added.getByRole('textbox').fill('This version adds a paragraph for ');
  await added.getByRole('button', { name: /Insert a placeholder/ }).click();
  await page.getByRole('menuitem', { name: /Client’s full name/ }).click();
  await expect(added.getByRole('textbox')).toHaveValue('This version adds a paragraph for {{client.name}}');
  await added.getByRole('button', { name: /Move paragraph \d+ up/ }).click();
  await expect(
    page
      .locator(`[data-block="${count - 1}"]`)
      .getByRole('textbox')
      .first(),
  ).toHaveValue('This version adds a paragraph for {{client.name}}');

  // An empty acknowledgement is refused with the reason on the field.
  await page.getByRole('button', { name: 'Add an acknowledgement' }).click();
  await page.getByRole('button', { name: /Save as version 2/ }).click();
  const empty = page.locator(`[data-block="${count + 1}"]`);
  await expect(empty.getByText('Enter the acknowledgement')).toBeVisible();
  await app.shot('27-consent-template-validation');
  await empty.getByRole('button', { name: /Remove acknowledgement/ }).click();

  await page.getByRole('button', { name: /Save as version 2/ }).click();
  await expect(row).toContainText('Version 2');
  await expect(row).toContainText('2 versions');
  await app.expectNoSeriousA11yViolations();

  // Both versions stay viewable, each with its own text.
  await row.getByRole('button', { name: `View ${face.title}` }).click();
  const view = page.getByRole('dialog', { name: face.title });
  const text = view.getByTestId('template-version-text');
  await expect(text).toHaveAttribute('data-version', '2');
  await expect(text).toContainText('This version adds a paragraph for {{client.name}}');
  await view.getByRole('combobox', { name: 'Version' }).click();
  await page.getByRole('option', { name: /^Version 1/ }).click();
  await expect(text).toHaveAttribute('data-version', '1');
  await expect(text).not.toContainText('This version adds a paragraph');
  await expect(view.getByText('Not the current version')).toBeVisible();
});

test('a record changed behind the app’s back verifies as TAMPERED', async ({ app }) => {
  const { page } = app;
  const { clientId } = await prepare(app);
  const record = await signConsent(app.core(), clientId, 'microneedling-face');
  // What someone with the database file and a SQLite shell could do: drop the guard and edit the row.
  const db = app.core().db;
  db.exec('DROP TRIGGER consent_records_no_update');
  db.prepare(`UPDATE consent_records SET practitioner = 'Dr Nobody' WHERE id = ?`).run(record.id);

  await app.open(`/clients/${clientId}/consents/${record.id}`);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('TAMPERED: this record no longer matches what was signed')).toBeVisible();
  await expect(page.locator('[data-check="seal"]')).toContainText('TAMPERED');
  // The header no longer calls it valid.
  await expect(page.locator('[data-status="tampered"]')).toHaveText('Tampered');
  await expect(page.locator('[data-status="valid"]')).toHaveCount(0);
  await expect(page.locator('[data-check="document"]')).toContainText('intact');
  await app.shot('29-consent-tampered');
  await app.expectNoSeriousA11yViolations();
});
