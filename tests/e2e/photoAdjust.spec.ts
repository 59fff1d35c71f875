import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import sharp, { type Sharp } from 'sharp';
import type { Photo } from '../../electron/core/contract';
import { call } from '../support/call';
import { type AppHarness, expect, test } from './harness/app';

type Rgb = [number, number, number];
const RED: Rgb = [220, 40, 40];
const GREEN: Rgb = [40, 170, 70];
const BLUE: Rgb = [40, 70, 210];
const YELLOW: Rgb = [235, 205, 40];
const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/**
 * A 1200×800 "scene" of four coloured quadrants (red top left, green top right, blue bottom left, yellow
 * bottom right) with a white disc in the middle, at `scale`.
 */
function scene(scale: number): Buffer {
  const w = 1200 * scale;
  const h = 800 * scale;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 1200 800">
    <rect width="600" height="400" fill="${hex(RED)}"/>
    <rect x="600" width="600" height="400" fill="${hex(GREEN)}"/>
    <rect y="400" width="600" height="400" fill="${hex(BLUE)}"/>
    <rect x="600" y="400" width="600" height="400" fill="${hex(YELLOW)}"/>
    <circle cx="600" cy="400" r="140" fill="#ffffff"/>
  </svg>`);
}

function jpeg(image: Sharp, date: string): Promise<Buffer> {
  return image
    .jpeg({ quality: 92 })
    .withExif({ IFD0: { DateTime: date }, IFD2: { DateTimeOriginal: date } })
    .toBuffer();
}

/** The colour at fractions (fx, fy) of a screenshot or exported image region. */
async function colourAt(
  png: Buffer,
  fx: number,
  fy: number,
  region?: { left: number; top: number; width: number; height: number },
): Promise<Rgb> {
  const image = sharp(png);
  const { width, height } = region ?? (await image.metadata());
  const { data } = await sharp(png)
    .extract({
      left: Math.round((region?.left ?? 0) + fx * (width - 1)),
      top: Math.round((region?.top ?? 0) + fy * (height - 1)),
      width: 1,
      height: 1,
    })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return [data[0]!, data[1]!, data[2]!];
}
const near = (a: Rgb, b: Rgb, tolerance = 40) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);
async function expectColour(what: string, actual: Promise<Rgb>, expected: Rgb) {
  const c = await actual;
  expect(near(c, expected), `${what}: ${c} is not ${expected}`).toBe(true);
}

async function dragBy(locator: Locator, from: [number, number], to: [number, number]) {
  const box = (await locator.boundingBox())!;
  const page = locator.page();
  await page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 8 });
  await page.mouse.up();
}

/**
 * A client with two front photos. Before: the scene as it is. After: taken from further away (80%), off
 * centre, with the camera on its side (no orientation tag), so it needs a quarter turn, a zoom and a move
 * to line up. Opens the Photos tab.
 */
async function twoPhotos(app: AppHarness) {
  const core = app.core();
  const client = await call(core, 'clients.create', { firstName: 'Lena', lastName: 'Marsh' });
  const before = await jpeg(sharp(scene(1)), '2026:03:12 10:00:00');
  const afterUpright = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: '#8a8a8a' },
  })
    .composite([{ input: scene(0.8), left: 140, top: 60 }])
    .png()
    .toBuffer();
  const after = await jpeg(sharp(afterUpright).rotate(270), '2026:06:04 10:30:00');
  const imported: Photo[] = [];
  for (const [bytes, phase] of [
    [before, 'before'],
    [after, 'after'],
  ] as const) {
    imported.push(
      (await call(core, 'photos.import', { clientId: client.id, bytes, phase, pose: 'front' })).photo,
    );
  }
  const [earlier, later] = imported as [Photo, Photo];
  await app.open(`/clients/${client.id}/photos`);
  const timeline = app.page.getByRole('region', { name: 'Photo timeline' });
  const beforeTile = timeline.getByRole('button', { name: /^Front, before, 12 Mar 2026/ });
  await expect(beforeTile).toBeVisible();
  const list = () => call(core, 'photos.list', { clientId: client.id });
  return { earlier, later, timeline, beforeTile, list };
}

test('rotate and crop a photo in the viewer: the viewer and the thumbnail show it, Reset undoes it', async ({
  app,
}) => {
  const { page } = app;
  const { earlier, beforeTile, list } = await twoPhotos(app);

  // --- The viewer: turn the earlier photo a quarter right, then crop to the top-right quarter. ---
  await beforeTile.press('Enter');
  const viewer = page.getByRole('dialog', { name: /^(Adjust photo|Photo) \d of 2/ });
  await expect(viewer).toBeVisible();
  await viewer.getByRole('button', { name: 'Adjust' }).click();
  await expect(page.getByRole('dialog', { name: /^Adjust photo \d of 2/ })).toBeVisible();
  await page.keyboard.press('r');
  // Escape leaves Adjust mode (nothing saved) but not the viewer.
  await page.keyboard.press('Escape');
  await expect(viewer).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Adjust' })).toBeFocused();
  expect((await list()).every((p) => p.rotation === 0)).toBe(true);

  await page.keyboard.press('a');
  const adjuster = viewer.getByTestId('photo-adjuster');
  await expect(adjuster).toBeVisible();
  await viewer.getByRole('button', { name: 'Rotate right' }).click();
  // Turned right, the scene is 800×1200: blue top left, red top right, yellow bottom left, green bottom right.
  const cropBox = adjuster.locator('.ReactCrop');
  await expect.poll(async () => (await cropBox.boundingBox())?.height ?? 0).toBeGreaterThan(300);
  await expect
    .poll(async () => {
      const box = (await cropBox.boundingBox())!;
      return Math.round((box.width / box.height) * 100) / 100;
    })
    .toBeCloseTo(800 / 1200, 1);
  await dragBy(cropBox, [0.55, 0.05], [0.95, 0.45]);
  await expect(adjuster.locator('.ReactCrop__crop-selection')).toBeVisible();
  await app.shot('40-photo-adjust');
  await app.expectNoSeriousA11yViolations();
  await page.keyboard.press('Enter');
  await expect(adjuster).toBeHidden();

  const stored = (await list()).find((p) => p.id === earlier.id);
  expect(stored!.rotation).toBe(90);
  expect(stored!.crop!.x).toBeCloseTo(0.55, 1);
  expect(stored!.crop!.y).toBeCloseTo(0.05, 1);
  expect(stored!.crop!.width).toBeCloseTo(0.4, 1);
  expect(stored!.crop!.height).toBeCloseTo(0.4, 1);
  // The viewer now shows only red, the top-right quarter as turned; the original is untouched.
  // The frame round the image: exactly the part of the photo shown.
  const shown = await viewer.getByTestId('photo-viewer-image').locator('xpath=..').screenshot();
  for (const [fx, fy] of [
    [0.5, 0.5],
    [0.5, 0.1],
    [0.5, 0.9],
  ] as const) {
    await expectColour(`viewer at ${fx},${fy}`, colourAt(shown, fx, fy), RED);
  }
  await app.shot('41-photo-adjusted-viewer');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  // The thumbnail changes with it: all red now.
  await expect
    .poll(async () => near(await colourAt(await beforeTile.screenshot(), 0.5, 0.3), RED))
    .toBe(true);
  await app.shot('42-photo-adjusted-timeline');

  // Reset in Adjust mode takes the photo back to how it was taken.
  await beforeTile.press('Enter');
  await viewer.getByRole('button', { name: 'Adjust' }).click();
  await viewer.getByRole('button', { name: 'Reset' }).click();
  await viewer.getByRole('button', { name: 'Save' }).click();
  await expect(adjuster).toBeHidden();
  await expect
    .poll(async () => (await list()).find((p) => p.id === earlier.id))
    .toMatchObject({ rotation: 0, crop: null });
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect
    .poll(async () => {
      const tile = await beforeTile.screenshot();
      return near(await colourAt(tile, 0.25, 0.25), RED) && near(await colourAt(tile, 0.75, 0.25), GREEN);
    })
    .toBe(true);
});

test('align a later photo to the earlier one in the compare overlay, and export them lined up', async ({
  app,
}) => {
  const { page } = app;
  const { later, timeline, beforeTile, list } = await twoPhotos(app);

  // --- Compare overlay: align the later photo to the earlier one. ---
  await beforeTile.click();
  await timeline.getByRole('button', { name: /^Front, after, 4 Jun 2026/ }).click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare photos' });
  await compare.getByText('Overlay', { exact: true }).click();
  await compare.getByRole('button', { name: 'Align to earlier' }).click();
  const surface = compare.getByRole('group', { name: /being lined up over/ });
  await expect(surface).toBeFocused();
  // A quarter turn right stands the later photo upright; then about 25% larger, and moved to fit.
  await page.keyboard.press('r');
  await page.keyboard.press('Shift+Equal');
  await page.keyboard.press('Shift+Equal');
  await page.keyboard.press('Equal');
  await page.keyboard.press('Equal');
  const frame = (await surface.boundingBox())!;
  // The scene's centre is 1.7% of the photo right of the frame's and 2.5% above it: move the photo by that
  // (the crop is about 80% of the photo, so the frame shows 1/0.8 of those fractions).
  await dragBy(surface, [0.5, 0.5], [0.5 - 0.0167 / 0.8, 0.5]);
  for (let i = 0; i < Math.round(((0.025 / 0.8) * frame.height) / 2); i++)
    await page.keyboard.press('ArrowDown');
  await expect(surface).toBeFocused();
  await app.shot('43-compare-align');
  await compare.getByRole('slider', { name: 'Overlay opacity' }).focus();
  await page.keyboard.press('ArrowRight'); // 55%
  await app.expectNoSeriousA11yViolations();
  // Escape cancels aligning, not the compare view; start again, and the draft is gone.
  await page.keyboard.press('Escape');
  await expect(compare).toBeVisible();
  await expect(compare.getByRole('button', { name: 'Align to earlier' })).toBeVisible();
  expect((await list()).find((p) => p.id === later.id)).toMatchObject({ rotation: 0, crop: null });

  await compare.getByRole('button', { name: 'Align to earlier' }).click();
  await expect(surface).toBeFocused();
  for (const key of ['r', 'Shift+Equal', 'Shift+Equal', 'Equal', 'Equal']) await page.keyboard.press(key);
  await dragBy(surface, [0.5, 0.5], [0.5 - 0.0167 / 0.8, 0.5]);
  for (let i = 0; i < Math.round(((0.025 / 0.8) * frame.height) / 2); i++)
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(compare.getByRole('button', { name: 'Align to earlier' })).toBeVisible();

  const aligned = (await list()).find((p) => p.id === later.id)!;
  expect(aligned.rotation).toBe(90);
  // What lines the later photo up with the earlier: the scene's rectangle in it.
  expect(aligned.crop!.x).toBeCloseTo(140 / 1200, 1);
  expect(aligned.crop!.y).toBeCloseTo(60 / 800, 1);
  expect(aligned.crop!.width).toBeCloseTo(0.8, 1);
  expect(Math.abs(aligned.crop!.width - 0.8)).toBeLessThan(0.03);
  // The crop has the earlier photo's shape, so the panes are the same size everywhere.
  expect((aligned.crop!.width * 1200) / (aligned.crop!.height * 800)).toBeCloseTo(1.5, 2);
  await app.shot('44-compare-aligned');

  // Side by side, the two panes now show the scene in the same place.
  await compare.getByText('Side by side', { exact: true }).click();
  await app.shot('45-compare-aligned-side-by-side');

  // --- Export: the later pane is the aligned crop, so both panes match pixel for pixel (nearly). ---
  await compare.getByRole('button', { name: 'Export comparison' }).click();
  const download = page.waitForEvent('download');
  await compare.getByRole('menuitem', { name: /Clinical record/ }).click();
  const file = readFileSync((await (await download).path())!);
  const meta = await sharp(file).metadata();
  // Two 1600×1067 panes (1.5 aspect, at most 1600 wide) with 24 px gutters.
  expect(meta.width).toBe(24 + 1600 + 24 + 1600 + 24);
  const pane = (left: number) => ({ left, top: 24, width: 1600, height: 1067 });
  for (const [fx, fy, colour] of [
    [0.25, 0.25, RED],
    [0.75, 0.25, GREEN],
    [0.25, 0.75, BLUE],
    [0.75, 0.75, YELLOW],
    [0.5, 0.5, [255, 255, 255] as Rgb],
    [0.06, 0.06, RED],
    [0.94, 0.94, YELLOW],
  ] as const) {
    await expectColour(`earlier pane at ${fx},${fy}`, colourAt(file, fx, fy, pane(24)), colour);
    await expectColour(`later pane at ${fx},${fy}`, colourAt(file, fx, fy, pane(24 + 1600 + 24)), colour);
  }
});
