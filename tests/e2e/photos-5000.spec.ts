import { performance } from 'node:perf_hooks';
import { call } from '../support/call';
import { seedPhotos } from '../support/photoSeed';
import { expect, test } from './harness/app';

const COUNT = 5000;

/**
 * A client with 5,000 photos (three imported for real, the rest seeded as rows with their own originals,
 * see tests/support/photoSeed.ts): the timeline opens on its first page, loads the rest behind it, keeps
 * only a screenful of tiles in the DOM, scrolls to the oldest photo, and the viewer steps through them.
 * Times are logged for the record, never asserted (speed lives in `npm run bench`).
 */
test('5,000 photos: the timeline opens, stays virtualised, scrolls to the oldest, and the viewer steps', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  const client = await call(app.core(), 'clients.create', { firstName: 'Clara', lastName: 'Lindqvist' });
  const seeding = performance.now();
  await seedPhotos(app.core(), client.id, { count: COUNT, imported: 3 });
  console.log(`seeded ${COUNT} photos in ${Math.round(performance.now() - seeding)} ms`);

  // The client's page first; the timing starts when the practitioner clicks the Photos tab.
  await app.open(`/clients/${client.id}`);
  await expect(page.getByRole('tab', { name: 'Photos' })).toBeVisible();
  const opening = performance.now();
  await page.getByRole('tab', { name: 'Photos' }).click();
  const timeline = page.getByRole('region', { name: 'Photo timeline' });
  await expect(timeline.locator('.photo-tile').first()).toBeVisible();
  const firstTiles = performance.now() - opening;
  await expect(page.getByTestId('photo-count')).toHaveText('5,000 photos', { timeout: 30_000 });
  console.log(
    `Photos tab: first tiles ${Math.round(firstTiles)} ms after the click, all ${COUNT} listed after ${Math.round(performance.now() - opening)} ms`,
  );

  // Virtualised: only about a screenful of tiles exists, whatever the count.
  const rendered = await timeline.locator('.photo-tile').count();
  console.log(`tiles in the DOM: ${rendered}`);
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(200);

  // To the very end with the keyboard: the oldest day, 1 Jan 2015, holds the five oldest photos.
  const scrolling = performance.now();
  await timeline.locator('.photo-tile').first().focus();
  await page.keyboard.press('End');
  const oldestGroup = timeline.getByRole('heading', { name: '1 Jan 2015' });
  await expect(oldestGroup).toBeVisible();
  const oldest = timeline.locator('.photo-tile[title="IMG_00001.jpg"]');
  await expect(oldest).toBeInViewport();
  await expect(timeline.locator('.photo-tile[title="IMG_00005.jpg"]')).toBeFocused();
  console.log(`End key to the oldest photo: ${Math.round(performance.now() - scrolling)} ms`);
  expect(await timeline.locator('.photo-tile').count()).toBeLessThan(200);
  await expect(oldest.locator('img')).toHaveJSProperty('complete', true);
  expect(await oldest.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(
    0,
  );
  await app.shot('51-photos-5000-oldest');

  // The viewer on the last photo; the arrow keys step back through the oldest day.
  await page.keyboard.press('Enter');
  const viewer = page.getByRole('dialog', { name: `Photo ${COUNT} of ${COUNT}` });
  await expect(viewer).toBeVisible();
  await expect(page.getByTestId('photo-viewer-caption')).toContainText('IMG_00005.jpg');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('dialog', { name: `Photo ${COUNT - 1} of ${COUNT}` })).toBeVisible();
  await expect(page.getByTestId('photo-viewer-caption')).toContainText('IMG_00004.jpg');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('photo-viewer-caption')).toContainText('IMG_00002.jpg');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: `Photo ${COUNT - 2} of ${COUNT}` })).toBeVisible();
  await app.shot('52-photos-5000-viewer');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // Scrolling the timeline's own scroller back to the top shows the newest photos again.
  await timeline.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(timeline.locator('.photo-tile').first()).toBeInViewport();
  expect(await timeline.locator('.photo-tile').count()).toBeLessThan(200);
});
