import { expect, test } from '@playwright/test';
import { adminPassword, screenshot, signIn, signOut, watchConsole } from './support/session';

test('an admin adds a data scientist, who signs in with fewer settings', async ({ page }) => {
  const problems = watchConsole(page);

  await page.goto('/experiments');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fexperiments/);
  await screenshot(page, 'sign-in');
  await signIn(page, 'admin', adminPassword, { open: false });
  await expect(page).toHaveURL(/\/experiments$/);
  // Other journeys share this server, so the page may or may not list experiments by now.
  await expect(page.getByRole('heading', { name: 'Runs', level: 1 })).toBeVisible();

  // Create the user.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Create user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create user' });
  await dialog.getByLabel('Username').fill('grace');
  await dialog.getByLabel('Role').selectOption('data-scientist');
  await dialog.getByLabel('Initial password').fill('grace-password-1');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('combobox', { name: 'Role of grace' })).toHaveValue('data-scientist');
  await screenshot(page, 'settings-users');

  // Create an API token for the admin and see it once.
  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.getByLabel('Token name').fill('ci pipeline');
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = await page.getByRole('figure', { name: 'new API token' }).textContent();
  expect(secret).toMatch(/^sxt_/);
  await screenshot(page, 'settings-tokens');

  // The token works against the API.
  const me = await page.request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
  expect((await me.json()).user.username).toBe('admin');

  await signOut(page);
  await signIn(page, 'grace', 'grace-password-1');
  await page.getByRole('link', { name: 'Settings' }).click();
  const tabs = page.getByRole('navigation', { name: 'Settings' });
  await expect(tabs.getByRole('link', { name: 'API tokens' })).toBeVisible();
  await expect(tabs.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await screenshot(page, 'settings-profile');

  expect(problems).toEqual([]);
});
