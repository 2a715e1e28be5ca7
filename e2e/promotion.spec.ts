import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { openE2eDatabase, seedModelVersion, setVersionTag } from './support/registry-seed';
import { adminPassword, screenshot, signIn, signOut, watchConsole } from './support/session';
import { signatureValid, startWebhookReceiver } from './support/webhook-receiver';

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
const admin = basic('admin', adminPassword);
const people = { erin: 'erin-password-1', alice: 'alice-password-1', bob: 'bob-password-1' };

async function api(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, data?: unknown) {
  const response = await request.fetch(url, { method, headers, ...(data !== undefined && { data }) });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return response.json();
}

async function promoteDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Promote a version' });
  await dialog.getByLabel('Model', { exact: true }).selectOption('fraud');
  await dialog.getByLabel('Version', { exact: true }).selectOption('2');
  await dialog.getByLabel('Environment', { exact: true }).selectOption('production');
  await dialog.getByLabel('Strategy', { exact: true }).selectOption('canary');
  await dialog.getByLabel('Canary steps (%)').fill('10, 50, 100');
  await dialog.getByLabel('Justification').fill('v2 improves AUC by 0.02 on the October backtest');
  return dialog;
}

test('an engineer canaries a version through two approvals, steps it up, rolls back; all audited and signed', async ({ page, request }) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  // The page scrolls inside its main area: a tall viewport lets the screenshots show whole pages.
  await page.setViewportSize({ width: 1280, height: 1800 });
  const receiver = await startWebhookReceiver();
  const db = openE2eDatabase();
  try {
    // --- Setup through the API (admin) and the registry tables -------------------------------------
    for (const [username, role] of [['erin', 'ml-engineer'], ['alice', 'approver'], ['bob', 'approver']] as const) {
      await api(request, 'POST', '/api/v1/users', admin, { username, role, password: people[username] });
    }
    const erin = basic('erin', people.erin);
    seedModelVersion(db, { name: 'fraud', version: 1, metrics: { auc: 0.86 }, tags: { model_card: 'docs/fraud.md', validated_by: 'alice' } });
    seedModelVersion(db, { name: 'fraud', version: 2, metrics: { auc: 0.88 }, tags: { model_card: 'docs/fraud.md' } });
    // Version 1 serves in production (one approval, as seeded).
    const first = await api(request, 'POST', '/api/v1/promotions/requests', erin, { kind: 'promote', modelName: 'fraud', environment: 'production', version: 1, strategy: 'direct', justification: 'First release' });
    await api(request, 'POST', `/api/v1/promotions/requests/${first.request.id}/approve`, basic('alice', people.alice), {});
    await api(request, 'POST', `/api/v1/promotions/requests/${first.request.id}/apply`, erin);
    // Production now needs two approvals and the model card tags.
    const policies = await api(request, 'GET', '/api/v1/policies', admin);
    const production = policies.items.find((p: { scope: string }) => p.scope === 'production').policy;
    await api(request, 'PUT', '/api/v1/policies/production', admin, {
      ...production,
      requiredApprovals: 2,
      gates: [{ type: 'required-tags', tags: ['model_card', 'validated_by'] }, { type: 'signature-present' }, { type: 'no-critical-drift' }],
    });
    const webhook = await api(request, 'POST', '/api/v1/webhooks', admin, { name: 'release bot', url: receiver.url, events: [], enabled: true });

    // --- The engineer asks for a canary of v2: a gate fails and says why ----------------------------
    await signIn(page, 'erin', people.erin);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Deployments' }).click();
    await expect(page.getByRole('link', { name: 'fraud in production' })).toBeVisible();
    await screenshot(page, 'deployments-overview');
    await page.getByRole('button', { name: 'Promote a version' }).click();
    let dialog = await promoteDialog(page);
    await expect(dialog.getByRole('listitem', { name: 'tags present: model_card, validated_by: fail' })).toContainText('Missing tag: validated_by');
    await expect(dialog.getByRole('listitem', { name: 'no critical drift against the reference: warning' })).toBeVisible();
    await screenshot(page, 'promote-dialog-failing-gate');
    await dialog.getByRole('button', { name: 'Request promotion' }).click();
    await expect(dialog.getByRole('status')).toContainText('failed');
    await expect(dialog.getByRole('status')).toContainText('Missing tag: validated_by');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // --- Fixes the tag and asks again --------------------------------------------------------------
    setVersionTag(db, 'fraud', 2, 'validated_by', 'alice');
    await page.getByRole('button', { name: 'Promote a version' }).click();
    dialog = await promoteDialog(page);
    await expect(dialog.getByRole('listitem', { name: 'tags present: model_card, validated_by: pass' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Request promotion' }).click();
    await expect(dialog.getByRole('status')).toContainText('pending');
    await dialog.getByRole('link', { name: /Open request #\d+/ }).click();
    await expect(page).toHaveURL(/\/approvals\/\d+$/);
    const requestUrl = page.url();
    await expect(page.getByRole('heading', { name: /Request #\d+: fraud/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Metrics' })).toContainText('0.88');
    await screenshot(page, 'request-pending');
    await signOut(page);

    // --- Two approvers approve ---------------------------------------------------------------------
    for (const [approver, comment] of [['alice', 'Backtest reviewed'], ['bob', 'Model card checked']] as const) {
      await signIn(page, approver, people[approver]);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
      await expect(page.getByRole('tab', { name: 'Mine to approve', selected: true })).toBeVisible();
      if (approver === 'alice') await screenshot(page, 'approvals-inbox');
      await page.getByRole('link', { name: /#\d+ fraud/ }).first().click();
      await page.getByLabel('Comment', { exact: true }).fill(comment);
      await page.getByRole('button', { name: 'Approve' }).click();
      await expect(page.getByRole('list', { name: 'Decisions' })).toContainText(comment);
      if (approver === 'bob') await screenshot(page, 'request-approved');
      await signOut(page);
    }

    // --- The engineer applies, steps the canary to 50 %, then rolls back --------------------------
    await signIn(page, 'erin', people.erin);
    await page.goto(requestUrl);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('heading', { name: /Request #\d+/ }).locator('..')).toContainText('applied');
    await page.getByRole('link', { name: 'deployment', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Canary version' })).toContainText('10 %');
    await page.getByLabel('Reason for the change').fill('Error rate flat for an hour at 10 %');
    await page.getByRole('button', { name: 'Step up to 50 %' }).click();
    await expect(page.getByRole('region', { name: 'Canary version' })).toContainText('50 %');
    await screenshot(page, 'deployment-canary-50');
    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    const rollback = page.getByRole('dialog', { name: 'Roll back fraud in production' });
    await rollback.getByLabel('Justification').fill('p99 latency doubled on the canary at 50 %');
    await rollback.getByRole('button', { name: 'Roll back to v1 now' }).click();
    await expect(rollback.getByRole('status')).toContainText('applied');
    await rollback.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('region', { name: 'Canary version' })).toContainText('none');
    await expect(page.getByRole('img', { name: 'Deployment history timeline' })).toBeVisible();
    await screenshot(page, 'deployment-after-rollback');
    await signOut(page);

    // --- Settings: environments, policies and the webhook delivery log -----------------------------
    await signIn(page, 'admin', adminPassword);
    await page.goto('/settings/environments');
    await expect(page.getByRole('listitem', { name: 'production policy' })).toContainText('2 approvals');
    await screenshot(page, 'settings-environments-policies');
    await page.getByRole('button', { name: 'Edit production policy' }).click();
    await expect(page.getByRole('dialog', { name: 'Policy for production' }).getByRole('list', { name: 'Gates' })).toBeVisible();
    await screenshot(page, 'settings-policy-dialog');
    await page.getByRole('dialog', { name: 'Policy for production' }).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => receiver.deliveries.some((d) => d.headers['x-sextant-event'] === 'rollback.break-glass'), { timeout: 20_000 }).toBe(true);
    await page.goto('/settings/webhooks');
    await page.getByRole('button', { name: 'Deliveries' }).click();
    await expect(page.getByRole('table', { name: 'Delivery log' })).toContainText('rollback.applied');
    await screenshot(page, 'settings-webhooks');

    // --- The audit trail has all of it ------------------------------------------------------------
    const audit = db
      .prepare("select action, actor_name as actor, after_json as after, justification from audit_events where entity_type in ('promotion-request', 'deployment', 'model-alias', 'policy', 'webhook') order by seq")
      .all() as Array<{ action: string; actor: string; after: string | null; justification: string | null }>;
    const has = (action: string, actor: string) => audit.some((e) => e.action === action && e.actor === actor);
    const created = audit.filter((e) => e.action === 'promotion-request.created' && e.actor === 'erin').map((e) => JSON.parse(e.after ?? '{}'));
    // setup, the failed request, the approved one, the canary step, the rollback
    expect(created.map((c) => [c.kind, c.state])).toEqual([
      ['promote', 'pending'], ['promote', 'failed'], ['promote', 'pending'], ['canary-step', 'approved'], ['rollback', 'pending'],
    ]);
    for (const [action, actor] of [
      ['policy.updated', 'admin'], ['webhook.created', 'admin'],
      ['promotion-request.approved', 'alice'], ['promotion-request.approved', 'bob'], ['promotion-request.applied', 'erin'],
      ['deployment.canary-start', 'erin'], ['deployment.canary-step', 'erin'], ['deployment.rollback', 'erin'],
    ]) {
      expect(has(action!, actor!), `${action} by ${actor}`).toBe(true);
    }
    expect(audit.find((e) => e.action === 'deployment.rollback')?.justification).toBe('p99 latency doubled on the canary at 50 %');

    // --- The webhook receiver got signed deliveries -----------------------------------------------
    const types = new Set(receiver.deliveries.map((d) => d.headers['x-sextant-event']));
    for (const type of ['promotion.request.created', 'promotion.request.approved', 'promotion.request.applied', 'deployment.changed', 'canary.stepped', 'rollback.applied', 'rollback.break-glass']) {
      expect(types.has(type), type).toBe(true);
    }
    expect(receiver.deliveries.every((d) => signatureValid(webhook.secret, d))).toBe(true);
    expect(receiver.deliveries.some((d) => signatureValid('whsec_not-the-secret', d))).toBe(false);
    expect(problems).toEqual([]);
  } finally {
    db.close();
    await receiver.close();
  }
});
