import { expect, type Page } from '@playwright/test';

export const adminPassword = 'e2e-admin-password';

/** Signs in on the sign-in page (opening it first unless the test was already sent there). */
export async function signIn(page: Page, username: string, password: string, options: { open?: boolean } = {}) {
  if (options.open ?? true) await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Sextant' })).toBeVisible();
}

/**
 * Collects console errors and uncaught exceptions; tests assert the list is empty. The browser's
 * own log line for the signed-out session check (a 401 the app expects) is not a problem.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/status of 401/.test(message.text())) return;
    problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
