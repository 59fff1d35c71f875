import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { call } from '../support/call';
import { CLINIC, chartedSession } from '../support/documents';
import { pdfInfo, pdfText } from '../support/pdf';
import { expect, SCREENSHOT_DIR, test } from './harness/app';

test('clinic settings: details, logo and practitioners', async ({ app }) => {
  const { page } = app;
  await app.open('/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByText('No practitioners yet')).toBeVisible();

  await page.getByLabel('Clinic name').fill('Harbour Skin Clinic');
  await page.getByLabel('Phone', { exact: true }).fill('020 7946 0101');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Email').blur();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await page.getByLabel('Email').fill('desk@harbourskin.example');
  await page.getByText('Letter (8.5 × 11 in)').click();
  await page.getByRole('button', { name: 'Save clinic details' }).click();
  await expect(page.getByText('The clinic details are saved.')).toBeVisible();

  const logo = await sharp({ create: { width: 900, height: 300, channels: 3, background: '#1f7a6d' } })
    .png()
    .toBuffer();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
  const shown = page.getByRole('img', { name: 'Clinic logo' });
  await expect(shown).toBeVisible();
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Add practitioner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add practitioner' });
  await dialog.getByLabel('Name').fill('Dr Priya Shah');
  await dialog.getByLabel('Credentials').fill('GMC 1234567, aesthetic medicine');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('cell', { name: 'Dr Priya Shah', exact: true })).toBeVisible();
  await app.shot('50-settings');
  await app.expectNoSeriousA11yViolations();

  const profile = await call(app.core(), 'settings.get', {});
  expect(profile.settings).toMatchObject({ name: 'Harbour Skin Clinic', paper: 'Letter', configured: true });
  expect(profile.settings.logoSha256).toMatch(/^[0-9a-f]{64}$/);
});

test('aftercare from a charted session: preview, then save as PDF', async ({ app }) => {
  const { page } = app;
  const { client, session } = await chartedSession(app.core());
  await app.open(`/clients/${client.id}/sessions/${session.id}`);

  await page.getByRole('button', { name: 'Aftercare…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aftercare sheet' });
  const sheet = dialog.frameLocator('iframe');
  await expect(sheet.getByText('What was done today')).toBeVisible();
  await expect(sheet.getByText('Maya Okafor').first()).toBeVisible();
  await expect(sheet.getByText('Hyaluronic acid serum')).toBeVisible();
  await expect(dialog.getByLabel('Issued by')).toHaveValue('Dr Ada Lane');
  await app.shot('51-aftercare-preview');
  await app.expectNoSeriousA11yViolations();

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save PDF' }).click();
  const file = join(SCREENSHOT_DIR, 'aftercare-e2e.pdf');
  await (await download).saveAs(file);
  const bytes = new Uint8Array(readFileSync(file));
  expect(pdfInfo(bytes)).toMatchObject({ pages: 1, size: 'A4' });
  expect(pdfText(bytes)).toContain('Maya Okafor');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-singlefile',
    file,
    join(SCREENSHOT_DIR, '52-aftercare-pdf'),
  ]);
  await expect(dialog).toBeHidden();
  const [issued] = await call(app.core(), 'documents.listForClient', { clientId: client.id });
  expect(issued).toMatchObject({
    kind: 'aftercare',
    action: 'pdf',
    issuedBy: 'Dr Ada Lane',
    sessionId: session.id,
  });
});

test('the client’s documents: listed with their template version, reprinted from the snapshot', async ({
  app,
}) => {
  const { page } = app;
  const { client, session } = await chartedSession(app.core());
  const first = await call(app.core(), 'documents.issue', {
    subject: { kind: 'aftercare', sessionId: session.id },
    action: 'pdf',
    by: 'Dr Ada Lane',
  });
  // The clinic renames itself afterwards: the reprint must still be the sheet the client was given.
  await call(app.core(), 'settings.save', { ...CLINIC, name: 'Renamed Clinic' });

  await app.open(`/clients/${client.id}/documents`);
  const row = page.getByRole('row', { name: /Aftercare sheet/ });
  await expect(row).toContainText('microneedling-face v1');
  await expect(row).toContainText('PDF');
  await row.getByRole('button', { name: 'Print Aftercare sheet again' }).click();
  await expect(page.getByRole('row', { name: /Aftercare sheet.*Reprint/ })).toBeVisible();
  expect(app.pdf.printed).toHaveLength(1);
  expect(app.pdf.printed[0]!.html).toContain('Harley Skin Studio');
  expect(app.pdf.printed[0]!.html).not.toContain('Renamed Clinic');
  const [reprint] = await call(app.core(), 'documents.listForClient', { clientId: client.id });
  expect(reprint).toMatchObject({
    reprintOf: first.document.id,
    snapshotSha256: first.document.snapshotSha256,
  });
  await app.shot('53-client-documents');
  await app.expectNoSeriousA11yViolations();
});

test('aftercare templates: edit makes a new version, the old one stays viewable', async ({ app }) => {
  const { page } = app;
  await app.open('/aftercare');
  const row = page.locator('[data-family="microneedling-face"]');
  await expect(row).toContainText('Version 1');
  await row.getByRole('button', { name: /^Edit / }).click();
  const editor = page.getByRole('dialog', { name: /^Edit / });
  await editor.getByLabel('Title').fill('Face aftercare (2026)');
  await editor.getByRole('button', { name: 'Add block' }).click();
  await page.getByRole('menuitem', { name: 'Paragraph' }).click();
  await editor
    .getByRole('textbox', { name: /Paragraph/ })
    .last()
    .fill('Call {{clinic.fax}} if worried');
  await editor.getByRole('button', { name: 'Save new version' }).click();
  await expect(editor.getByText(/\{\{clinic\.fax\}\} is not a placeholder/).first()).toBeVisible();
  await editor
    .getByRole('textbox', { name: /Paragraph/ })
    .last()
    .fill('Call {{clinic.phone}} if worried');
  await app.shot('54-aftercare-editor');
  await editor.getByRole('button', { name: 'Save new version' }).click();
  await expect(row).toContainText('Version 2');
  await expect(row).toContainText('Face aftercare (2026)');

  await row.getByRole('button', { name: /^View / }).click();
  const viewer = page.getByRole('dialog', { name: 'Face aftercare (2026)' });
  await expect(viewer.getByText('Call {{clinic.phone}} if worried')).toBeVisible();
  await viewer.getByLabel('Version').click();
  await page.getByRole('option', { name: /^Version 1/ }).click();
  await expect(viewer.getByText('Call {{clinic.phone}} if worried')).toBeHidden();
  await expect(viewer.getByText('First 24 hours')).toBeVisible();
  await app.expectNoSeriousA11yViolations();
});
