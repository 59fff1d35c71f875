import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { call } from '../support/call';
import { cornerImage, heifEnc, heifEncPath } from '../support/images';
import { expect, test } from './harness/app';

async function photo(width: number, height: number, colour: string, date: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .composite([
      { input: { create: { width: width / 2, height: height / 2, channels: 3, background: '#ffffff' } } },
    ])
    .jpeg()
    .withExif({ IFD0: { DateTime: date }, IFD2: { DateTimeOriginal: date } })
    .toBuffer();
}

test('import by the file chooser, tag, see the timeline, view, and compare with slider and overlay', async ({
  app,
}, testInfo) => {
  const { page } = app;
  const client = await call(app.core(), 'clients.create', { firstName: 'Maya', lastName: 'Brennan' });
  await app.open(`/clients/${client.id}/photos`);
  await expect(page.getByText('No photos yet')).toBeVisible();

  const files = [
    {
      name: 'IMG_0101.jpg',
      mimeType: 'image/jpeg',
      buffer: await photo(1600, 1200, '#b5651d', '2026:03:12 10:00:00'),
    },
    {
      name: 'IMG_0102.jpg',
      mimeType: 'image/jpeg',
      buffer: await photo(1600, 1200, '#c98a5a', '2026:06:04 10:30:00'),
    },
    {
      name: 'notes.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('a text file that pretends to be a photo'),
    },
  ];
  if (heifEncPath()) {
    const png = await cornerImage(800, 600).png().toBuffer();
    mkdirSync(testInfo.outputDir, { recursive: true });
    files.push({
      name: 'phone.heic',
      mimeType: 'image/heic',
      buffer: heifEnc(testInfo.outputDir, png, 'phone'),
    });
  }

  // Tag the whole batch before import: front, before.
  await page.getByRole('combobox', { name: 'Batch phase' }).click();
  await page.getByRole('option', { name: 'Before', exact: true }).click();
  await page.getByRole('combobox', { name: 'Batch pose' }).click();
  await page.getByRole('option', { name: 'Front', exact: true }).click();
  await page.getByLabel('Choose photos to import').setInputFiles(files);

  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results).toContainText(`${files.length - 1} photos imported`);
  await expect(results).toContainText('notes.jpg');
  await expect(results).toContainText('not an image');
  await app.shot('17-photos-imported');

  const timeline = page.getByRole('region', { name: 'Photo timeline' });
  await expect(timeline.getByRole('button', { name: /^Front, before/ })).toHaveCount(files.length - 1);
  expect(await call(app.core(), 'photos.list', { clientId: client.id })).toHaveLength(files.length - 1);

  // The second photo becomes the "after": select it, set phase, apply.
  await timeline.getByRole('button', { name: /^Front, before, 4 Jun 2026/ }).click();
  await page.getByRole('combobox', { name: 'Set phase' }).click();
  await page.getByRole('option', { name: 'After', exact: true }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(timeline.getByRole('button', { name: /^Front, after, 4 Jun 2026/ })).toBeVisible();
  await app.shot('18-photo-timeline');
  await app.expectNoSeriousA11yViolations();

  // The viewer: Enter opens the selected photo; arrows move; Escape closes.
  await timeline.getByRole('button', { name: /^Front, after/ }).press('Enter');
  await expect(page.getByRole('dialog', { name: /^Photo \d of \d/ })).toBeVisible();
  await expect(page.getByTestId('photo-viewer-caption')).toContainText('IMG_0102.jpg');
  await page.keyboard.press('Escape');

  // Compare the before and the after.
  await timeline.getByRole('button', { name: /^Front, after/ }).click();
  await timeline
    .getByRole('button', { name: /^Front, before, 12 Mar 2026/ })
    .click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare photos' });
  await expect(compare).toBeVisible();
  await expect(compare.getByRole('img').first()).toBeVisible();
  await app.shot('19-compare-side-by-side');
  await compare.getByText('Slider', { exact: true }).click();
  await expect(compare.getByRole('slider', { name: 'Comparison divider' })).toBeVisible();
  await compare.getByRole('slider', { name: 'Comparison divider' }).press('ArrowLeft');
  await app.shot('20-compare-slider');
  await compare.getByText('Overlay', { exact: true }).click();
  const opacity = compare.getByRole('slider', { name: 'Overlay opacity' });
  await opacity.focus();
  await page.keyboard.press('Home');
  await expect(opacity).toHaveAttribute('aria-valuenow', '0');
  await app.shot('21-compare-overlay');
  await app.expectNoSeriousA11yViolations();

  // Export for the clinical record downloads a JPEG; marketing is not offered (consent is clinical only).
  await compare.getByRole('button', { name: 'Export comparison' }).click();
  await expect(compare.getByRole('menuitem', { name: /Marketing/ })).toBeDisabled();
  const download = page.waitForEvent('download');
  await compare.getByRole('menuitem', { name: /Clinical record/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^comparison-.*\.jpg$/);

  // Every image on screen came through the media handler by photo id: an unknown one is not served.
  const status = await page.evaluate(
    async () => (await fetch(`/media/photo/${crypto.randomUUID()}/thumb`)).status,
  );
  expect(status).toBe(404);
});
