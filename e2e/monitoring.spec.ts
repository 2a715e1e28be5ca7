import { expect, type APIRequestContext, request as playwrightRequest, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { seedCanaryDeployment as seedDeployment } from './support/seed-deployment';
import { adminPassword, screenshot, signIn, watchConsole } from './support/session';

// A repeatable stream of normal values.
let seed = 11;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const normal = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());

const referenceCsv = ['age,plan,income', ...Array.from({ length: 4000 }, () => `${(40 + 10 * normal()).toFixed(2)},${random() < 0.3 ? 'pro' : 'free'},${(5000 + 800 * normal()).toFixed(1)}`)].join('\n');

async function ingestToken(admin: APIRequestContext): Promise<string> {
  const me = await (await admin.get('/api/v1/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken };
  expect((await admin.post('/api/v1/users', { headers, data: { username: 'serving', role: 'ingest', password: 'serving-password-1' } })).status()).toBe(201);
  const serving = await playwrightRequest.newContext({ baseURL });
  const session = await (await serving.post('/api/v1/auth/sign-in', { data: { username: 'serving', password: 'serving-password-1' } })).json();
  const created = await (await serving.post('/api/v1/me/tokens', { headers: { 'x-csrf-token': session.csrfToken }, data: { name: 'serving system' } })).json();
  await serving.dispose();
  return created.secret;
}

/** A day of events ending now: income shifts after the middle of the day ("noon"); the canary is slower. */
function dayOfEvents(now: number): string[] {
  const start = now - 24 * 3_600_000;
  const noon = now - 12 * 3_600_000;
  const lines: string[] = [];
  for (let t = start; t < now - 30_000; t += 1500) {
    const canary = random() < 0.2;
    lines.push(
      JSON.stringify({
        timestamp: new Date(t).toISOString(),
        modelVersion: canary ? 2 : 1,
        latencyMs: canary ? 380 + 120 * random() : 60 + 40 * random(),
        features: { age: 40 + 10 * normal(), plan: random() < 0.3 ? 'pro' : 'free', income: (t >= noon ? 7400 : 5000) + 800 * normal() },
        prediction: random() < 0.5 ? 'stay' : 'churn',
      }),
    );
  }
  return lines;
}

test('a reference, a day of drifting traffic, a slow canary and an alert that points to rollback', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchConsole(page);
  const deploymentId = seedDeployment('churn');
  await signIn(page, 'admin', adminPassword);
  const token = await ingestToken(page.request);

  // Upload the reference CSV for both versions from the monitoring page.
  await page.goto(`/deployments/${deploymentId}/monitoring`);
  await expect(page.getByRole('heading', { name: 'churn · production' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No reference profile for this version' })).toBeVisible();
  for (const version of ['1', '2']) {
    await page.getByLabel(`Reference file for version ${version}`).setInputFiles({ name: 'train.csv', mimeType: 'text/csv', buffer: Buffer.from(referenceCsv) });
    await expect(page.getByText('Reference profile built from 4000 rows.')).toBeVisible();
  }
  await screenshot(page, 'monitoring-reference');

  // The serving system posts a day of events as NDJSON.
  const lines = dayOfEvents(Date.now());
  for (let i = 0; i < lines.length; i += 5000) {
    const response = await page.request.post(`/api/v1/deployments/${deploymentId}/predictions`, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      data: lines.slice(i, i + 5000).join('\n'),
    });
    expect(response.status()).toBe(200);
    expect((await response.json()).rejected).toEqual([]);
  }

  // Income is red after noon and not before; the other features stay calm.
  await page.goto(`/deployments/${deploymentId}/monitoring?range=24h&version=1&resolution=1h`);
  const heatmap = page.getByRole('table', { name: 'Drift heatmap' });
  await expect(heatmap).toBeVisible();
  const noon = Date.now() - 12 * 3_600_000;
  const cells = async (feature: string) =>
    heatmap.locator(`button[aria-label^="${feature} at"]`).evaluateAll((buttons) => buttons.map((b) => ({ start: b.getAttribute('data-start') ?? '', drifted: b.getAttribute('data-drifted') === 'true' })));
  const inner = <T,>(list: T[]) => list.slice(1, -1); // the first and last windows are partial
  const income = inner(await cells('income'));
  expect(income.filter((c) => Date.parse(c.start) >= noon + 60 * 60_000).every((c) => c.drifted)).toBe(true);
  // Calm windows: drift scores come from bounded random samples (reservoirs), so allow the odd
  // false alarm (≤ 15 %); the shifted feature is past its threshold in every window.
  const calm = (list: Array<{ drifted: boolean }>) => list.filter((c) => c.drifted).length <= Math.ceil(list.length * 0.15);
  expect(calm(income.filter((c) => Date.parse(c.start) < noon - 60 * 60_000))).toBe(true);
  for (const feature of ['age', 'plan']) expect(calm(inner(await cells(feature)))).toBe(true);
  await screenshot(page, 'monitoring-heatmap');

  // Its distributions, with the method and the rule.
  await heatmap.getByRole('button', { name: 'income', exact: true }).click();
  await expect(page.getByLabel('drift rule')).toHaveText(/^Wasserstein \(normed\) [\d.]+ ≥ 0\.1$/);
  await expect(page.getByRole('figure', { name: 'income reference and current distributions' })).toBeVisible();
  await screenshot(page, 'monitoring-feature');

  // Canary versus stable: the canary's p99 is above the stable's.
  await page.getByRole('button', { name: 'Canary vs stable' }).click();
  const comparison = page.getByRole('table', { name: 'Canary versus stable' });
  const p99 = comparison.getByRole('row', { name: /^p99/ });
  await expect(p99).toBeVisible();
  const [stableP99, canaryP99] = (await p99.getByRole('cell').allTextContents()).map((text) => Number.parseFloat(text));
  expect(canaryP99).toBeGreaterThan(stableP99 as number);
  await expect(page.getByRole('status', { name: 'Canary recommendation' })).toContainText('rollback');
  await screenshot(page, 'monitoring-canary');

  // The latency rule opened an alert on the canary; it links to the rollback flow.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('link', { name: 'Roll back to stable' }).first()).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('link', { name: 'Roll back to stable' }).first()).toHaveAttribute('href', `/deployments/${deploymentId}`);
  await screenshot(page, 'monitoring-alerts');

  await page.goto('/monitoring');
  await expect(page.getByRole('link', { name: 'churn · production' })).toBeVisible();
  await screenshot(page, 'monitoring-overview');
  expect(problems).toEqual([]);
});
