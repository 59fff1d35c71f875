import { expect, test } from './harness/app';

test('create a client, find it, edit it', async ({ app }) => {
  const { page } = app;
  await app.open('/clients');
  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
  await app.shot('01-client-list-empty');

  await page.getByRole('button', { name: /New client/ }).click();
  await page.getByLabel('First name').fill('Joanna');
  await page.getByLabel('Last name').fill('Smith');
  await page.getByLabel('Date of birth').fill('12/04/1985');
  await page.getByRole('region', { name: 'Contact', exact: true }).getByLabel('Phone').fill('07700 900123');
  await page.getByLabel('Email').fill('Jo.Smith@Example.com');
  await app.shot('02-client-form');
  await page.getByRole('button', { name: /Save client/ }).click();

  await expect(page.getByRole('heading', { name: 'Joanna Smith' })).toBeVisible();
  await app.shot('03-client-overview');
});
