import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { call } from '../support/call';
import { expect, test } from './harness/app';

async function jpeg(colour: string, date: string): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: colour } })
    .jpeg()
    .withExif({ IFD2: { DateTimeOriginal: date } })
    .toBuffer();
}

test('import a whole folder: photos from every subfolder, other files skipped with a reason', async ({
  app,
}, testInfo) => {
  const { page } = app;
  const client = await call(app.core(), 'clients.create', { firstName: 'Noor', lastName: 'Haddad' });

  // A camera card: photos in nested folders (one with an upper-case extension), a video, a text file and
  // the system files a Mac or Windows leaves behind.
  const card = join(testInfo.outputDir, 'CARD');
  mkdirSync(join(card, 'DCIM/100CANON'), { recursive: true });
  mkdirSync(join(card, 'DCIM/101CANON/edited'), { recursive: true });
  writeFileSync(join(card, 'DCIM/100CANON/IMG_0001.JPG'), await jpeg('#b5651d', '2026:05:02 09:00:00'));
  writeFileSync(join(card, 'DCIM/100CANON/IMG_0002.jpg'), await jpeg('#c98a5a', '2026:05:02 09:01:00'));
  writeFileSync(
    join(card, 'DCIM/101CANON/edited/IMG_0003.png'),
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#8d5a3c' } })
      .png()
      .toBuffer(),
  );
  writeFileSync(join(card, 'DCIM/100CANON/MVI_0004.MOV'), Buffer.from('not really a video'));
  writeFileSync(join(card, 'notes.txt'), 'Visit 3: front and both 45s.');
  writeFileSync(join(card, '.DS_Store'), Buffer.alloc(16));

  await app.open(`/clients/${client.id}/photos`);
  await expect(page.getByText('No photos yet')).toBeVisible();

  // Tag the batch, then choose the folder through the button, as the practitioner would.
  await page.getByRole('combobox', { name: 'Batch phase' }).click();
  await page.getByRole('option', { name: 'After', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import folder…' }).click();
  await (await chooser).setFiles(card);

  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results).toContainText('3 photos imported, 2 other files skipped (not photos)');
  await expect(results).toContainText('Skipped from the folder');
  await expect(results).toContainText('CARD/DCIM/100CANON/MVI_0004.MOV');
  await expect(results).toContainText('CARD/notes.txt');
  await expect(results).not.toContainText('.DS_Store');
  await expect(results).not.toContainText('Could not be imported');

  const timeline = page.getByRole('region', { name: 'Photo timeline' });
  await expect(timeline.getByRole('button', { name: /^No pose, after/ })).toHaveCount(3);
  const photos = await call(app.core(), 'photos.list', { clientId: client.id });
  expect(photos.map((p) => p.originalName).sort()).toEqual(['IMG_0001.JPG', 'IMG_0002.jpg', 'IMG_0003.png']);
  expect(photos.every((p) => p.phase === 'after')).toBe(true);
  await app.shot('50-photos-folder-imported');
  await app.expectNoSeriousA11yViolations();

  // A folder with nothing to import says so, and imports nothing.
  const empty = join(testInfo.outputDir, 'Documents');
  mkdirSync(empty, { recursive: true });
  writeFileSync(join(empty, 'consent.pdf'), '%PDF-1.7\n');
  await page.getByLabel('Choose a folder of photos to import').setInputFiles(empty);
  await expect(results).toContainText('0 photos imported, 1 other file skipped (not photos)');
  await expect(
    page.getByRole('alert').filter({ hasText: 'that folder holds no JPEG, PNG, WebP, TIFF or HEIC files' }),
  ).toBeVisible();
  expect(await call(app.core(), 'photos.list', { clientId: client.id })).toHaveLength(3);
});
