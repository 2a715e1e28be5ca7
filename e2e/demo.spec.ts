import { expect, type Page, test } from '@playwright/test';
import { type DemoWorkspace, startDemoWorkspace } from './support/demo-workspace';
import { watchConsole } from './support/session';

const password = (user: string) => `${user}-demo-2026`;
let demo: DemoWorkspace;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // Far from the journeys' own ports, which other runs on this machine may use.
  demo = await startDemoWorkspace(Number(process.env.E2E_PORT ?? 5179) + 1000);
});
test.afterAll(async () => demo?.stop());

async function signInAs(page: Page, username: string) {
  if (!(await page.getByRole('heading', { name: 'Sign in to Sextant' }).isVisible())) await page.goto(`${demo.url}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password(username));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Opens a page from the main navigation and checks it shows data: no empty state, no error. */
async function visit(page: Page, label: string, shows: (page: Page) => Promise<void>) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /loading/i })).toHaveCount(0);
  await shows(page);
  await expect(page.locator('[data-empty-state]')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await shot(page, label.toLowerCase());
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Sextant' })).toBeVisible();
}

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/screenshots/demo-${name}.png`, fullPage: true });

async function openAlert(): Promise<void> {
  // The canary's p99 breaches for two closed one-minute windows, then the rule opens an alert.
  const auth = { authorization: `Basic ${Buffer.from(`admin:${password('admin')}`).toString('base64')}` };
  await expect
    .poll(async () => {
      const response = await fetch(`${demo.url}/api/v1/monitoring/alerts?status=open`, { headers: auth });
      const { items } = (await response.json()) as { items: Array<{ status: string; ruleName: string }> };
      // The canary's alert in particular: the seasonal drift rule may open one of its own first.
      return items.filter((a) => a.status === 'open' && a.ruleName === 'Canary p99 latency above 250 ms').length;
    }, { timeout: 240_000, intervals: [5_000] })
    .toBeGreaterThan(0);
}

test('the demo workspace shows live data on every main page', async ({ page }) => {
  test.setTimeout(420_000);
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  process.stdout.write(`demo: dashboard usable after ${demo.readySeconds} s\n`);
  await openAlert();

  await signInAs(page, 'admin');
  await shot(page, 'overview');
  await visit(page, 'Runs', async (p) => {
    await expect(p.getByText('weather-type-forest').first()).toBeVisible();
  });
  // An experiment's runs, one run and its charts.
  await page.getByRole('link', { name: 'weather-type-forest' }).first().click();
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
  await expect(page.locator('[data-empty-state]')).toHaveCount(0);
  await shot(page, 'runs-table');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('region', { name: 'Parameters' })).toBeVisible();
  await shot(page, 'run');

  await visit(page, 'Models', async (p) => {
    await expect(p.getByText('weather-type').first()).toBeVisible();
  });
  // A model, then its newest version with the lineage graph.
  await page.getByRole('link', { name: 'weather-type', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'weather-type', level: 1 })).toBeVisible();
  await shot(page, 'model');
  await page.getByRole('link', { name: /^v\d+$/ }).first().click();
  await expect(page.getByRole('region', { name: 'Lineage' }).getByRole('link').first()).toBeVisible();
  await shot(page, 'model-version');

  await visit(page, 'Deployments', async (p) => {
    await expect(p.getByRole('link', { name: 'weather-type in production' })).toBeVisible();
  });
  await page.getByRole('link', { name: 'weather-type in production' }).click();
  await expect(page.getByRole('region', { name: 'Canary version' })).toContainText('25 %');
  await shot(page, 'deployment-canary');

  await visit(page, 'Monitoring', async (p) => {
    await expect(p.getByText('wet-day').first()).toBeVisible();
    await expect(p.getByText('Canary p99 latency above 250 ms').first()).toBeVisible();
  });
  await page.getByRole('link', { name: /weather-type/ }).first().click();
  await expect(page.getByRole('heading', { name: /weather-type · / })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Data drift/ })).toBeVisible();
  await expect(page.locator('[data-empty-state]')).toHaveCount(0);
  await page.getByRole('button', { name: '1h', exact: true }).click();
  await expect(page.getByText('Canary p99 latency above 250 ms').first()).toBeVisible();
  await shot(page, 'deployment-monitoring');

  await visit(page, 'Settings', async (p) => {
    await expect(p.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByText('alice', { exact: true })).toBeVisible();
  await shot(page, 'settings-users');
  await signOut(page);

  // The second approver's inbox: the wet-day v3 request waits for them.
  await signInAs(page, 'alice');
  await visit(page, 'Approvals', async (p) => {
    await expect(p.getByRole('link', { name: /#\d+ wet-day/ }).first()).toBeVisible();
  });
  await signOut(page);

  // The auditor reads who did what: promotions by erin, decisions by alice and bob.
  await signInAs(page, 'otto');
  await visit(page, 'Audit', async (p) => {
    await expect(p.getByText('erin').first()).toBeVisible();
    await expect(p.getByText('alice').first()).toBeVisible();
  });
  expect(problems).toEqual([]);
});
