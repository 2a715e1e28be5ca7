import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openServerDatabase } from './support/server-data';
import { adminPassword, screenshot, signIn, watchConsole } from './support/session';

test('an admin reads the trail, opens a diff, exports it, and sees tampering detected', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'admin', adminPassword);

  // A few changes to audit: a user and a token.
  await page.goto('/settings/users');
  await page.getByRole('button', { name: 'Create user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create user' });
  await dialog.getByLabel('Username').fill('auditee');
  await dialog.getByLabel('Role').selectOption('viewer');
  await dialog.getByLabel('Initial password').fill('auditee-password-1');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('combobox', { name: 'Role of auditee' })).toHaveValue('viewer');
  await page.getByRole('combobox', { name: 'Role of auditee' }).selectOption('approver');
  await page.goto('/settings/tokens');
  await page.getByLabel('Token name').fill('release pipeline');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByRole('figure', { name: 'new API token' })).toBeVisible();

  // The trail, newest first, with a green banner.
  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByText(/Hash chain verified up to event \d+\./)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'token.created' })).toBeVisible();
  await screenshot(page, 'audit-trail');

  // Filter by action (the filter goes into the URL) and open the role change's diff.
  await page.getByLabel('Action').fill('user.');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/audit\?action=user\./);
  await expect(page.getByRole('cell', { name: 'token.created' })).toHaveCount(0);
  const roleChange = page.getByRole('row').filter({ hasText: 'user.updated' }).first();
  await roleChange.getByRole('button', { name: /Show changes of event/ }).click();
  const changes = page.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('row').filter({ hasText: 'role' })).toContainText('viewerapprover');
  await screenshot(page, 'audit-diff');

  // Export the filtered trail as CSV.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^sextant-audit-.*\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^seq,occurred_at_iso,/);
  expect(csv).toContain('user.updated');
  expect(csv).not.toContain('token.created');
  await expect(page.getByText(/Exported \d+ events; chain verified for that range/)).toBeVisible();

  // Someone alters the role change directly in the database: the banner names the event.
  const db = openServerDatabase();
  const target = db.prepare("select seq from audit_events where action = 'user.updated' order by seq desc limit 1").get() as { seq: number };
  db.prepare('update audit_events set after_json = ? where seq = ?').run('{"disabled":false,"displayName":"auditee","role":"viewer","username":"auditee"}', target.seq);
  db.close();
  await page.reload();
  await page.getByRole('button', { name: 'Verify the whole chain' }).click();
  const banner = page.getByRole('alert', { name: 'Chain verification' });
  await expect(banner).toContainText(`Hash chain broken at event ${target.seq}: its content does not match its hash (the row was altered)`);
  await screenshot(page, 'audit-tampered');

  // "As of" a moment: nothing was deployed in this fresh installation.
  await page.getByRole('link', { name: 'As of…' }).click();
  await page.getByLabel('As of').fill('2030-01-01T00:00');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('No deployment had been recorded by then.')).toBeVisible();
  await screenshot(page, 'audit-as-of');

  expect(problems).toEqual([]);
});
