import { call } from '../support/call';
import { expect, test } from './harness/app';

test('guided capture: live camera, pose checklist, ghost of the earlier photo, camera off on close', async ({
  app,
}) => {
  const { page } = app;
  await page.context().grantPermissions(['camera']);
  const client = await call(app.core(), 'clients.create', { firstName: 'Ines', lastName: 'Okafor' });
  await app.open(`/clients/${client.id}/photos`);
  await expect(page.getByText('No photos yet')).toBeVisible();

  await page.getByRole('button', { name: 'Take photos' }).click();
  const view = page.getByRole('dialog', { name: 'Take photos' });
  await expect(view).toBeVisible();
  await expect(view.getByRole('combobox', { name: 'Checklist' })).toHaveValue('Face (5 poses)');
  await expect(view.getByRole('radio', { name: 'Before' })).toBeChecked();
  await expect(view.getByRole('slider', { name: 'Ghost opacity' })).toHaveAttribute('aria-valuenow', '40');

  // The fake camera is live (its frames have a size) and nothing of this pose was taken before.
  await expect
    .poll(() => view.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth))
    .toBeGreaterThan(0);
  await expect(view.getByText('No earlier photo of this pose')).toBeVisible();

  const checklist = view.getByRole('list', { name: /Poses to take/ });
  await expect(checklist.getByRole('button', { name: /Front/ })).toHaveAttribute('aria-current', 'step');

  // Front, by the button; the checklist ticks it and moves on to left 45°.
  await view.getByRole('button', { name: 'Capture Front' }).click();
  await expect(checklist.getByRole('button', { name: /Front.*done/ })).toBeVisible();
  await expect(checklist.getByRole('button', { name: /Left 45°/ })).toHaveAttribute('aria-current', 'step');

  // Left 45°, by the Space key from the camera view.
  await view.getByRole('region', { name: /Live camera/ }).focus();
  await page.keyboard.press('Space');
  await expect(checklist.getByRole('button', { name: /Left 45°.*done/ })).toBeVisible();
  await expect(checklist.getByRole('button', { name: /Right 45°/ })).toHaveAttribute('aria-current', 'step');
  await expect(view.getByTestId('capture-thumb')).toHaveCount(2);

  const photos = await call(app.core(), 'photos.list', { clientId: client.id });
  expect(photos).toHaveLength(2);
  expect(photos.map((p) => p.pose).sort()).toEqual(['front', 'left-45']);
  expect(photos.every((p) => p.phase === 'before')).toBe(true);
  expect(photos.every((p) => /^capture-(front|left-45)-.*\.jpg$/.test(p.originalName ?? ''))).toBe(true);
  const front = photos.find((p) => p.pose === 'front')!;

  // Back to front: the ghost is the front photo just taken, over the live picture at 40%.
  await checklist.getByRole('button', { name: /Front/ }).click();
  const ghost = view.getByTestId('capture-ghost');
  await expect(ghost).toHaveAttribute('data-photo-id', front.id);
  await expect(ghost).toHaveCSS('opacity', '0.4');
  await expect
    .poll(() => ghost.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(view.getByTestId('capture-ghost-status')).toContainText('Ghost: Front, before');
  await app.shot('22-guided-capture');
  await app.expectNoSeriousA11yViolations();

  // Hiding the ghost removes it from the picture.
  await view.getByRole('switch', { name: 'Show ghost' }).click();
  await expect(ghost).toHaveCount(0);

  // Closing the view turns the camera off: no video on the page has a live track any more, and the
  // stream the view had shown has every track ended.
  const stream = await view
    .locator('video')
    .evaluateHandle((v: HTMLVideoElement) => v.srcObject as MediaStream);
  expect(await stream.evaluate((s) => s.getVideoTracks().length)).toBeGreaterThan(0);
  await view.getByRole('button', { name: 'Finish capturing' }).click();
  await expect(view).toBeHidden();
  const liveTracks = await page.evaluate(
    () =>
      [...document.querySelectorAll('video')].flatMap((v) =>
        v.srcObject instanceof MediaStream
          ? v.srcObject.getTracks().filter((t) => t.readyState === 'live')
          : [],
      ).length,
  );
  expect(liveTracks).toBe(0);
  expect(await stream.evaluate((s) => s.getTracks().map((t) => t.readyState))).not.toContain('live');

  // The timeline behind was refreshed with both photos.
  await expect(page.getByTestId('photo-count')).toHaveText('2 photos');
});
