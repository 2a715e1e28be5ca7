import { sql } from 'kysely';
import type { Policy } from '../shared/contract/promotion-policies';
import { verifyAuditChain } from '../server/modules/audit/audit-verify';
import { rolesColumn } from '../server/modules/promotions/requests.repository';
import { createModelVersion } from '../server/modules/promotions/testing/registry-fixtures';
import { promotionClient } from '../server/modules/promotions/testing/promotion-client';
import { buildTestApp, type TestApp } from '../server/testing/build-test-app';

/**
 * `npm run bench -- promotions [--postgres]`
 * 1. 100 concurrent clients race to apply 100 approved, conflicting requests for one deployment:
 *    exactly one may win; the deployment, its history, the alias and the audit chain must agree.
 * 2. The approvals inbox over 10,000 requests: first-page latency (target p95 ≤ 50 ms).
 */
async function main(args: string[]) {
  if (args.includes('--postgres')) {
    process.env.SEXTANT_TEST_DIALECT = 'postgres';
    process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  }
  const t = await buildTestApp();
  console.log(`promotions benchmark on ${t.database.handle.dialect}`);
  try {
    await race(t);
    await inbox(t);
  } finally {
    await t.close();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function race(t: TestApp) {
  const api = promotionClient(t);
  const db = t.database.handle.db;
  const clients = 100;
  const engineer = await t.userWithRole('ml-engineer', 'racer');
  const approver = await t.userWithRole('approver', 'judge');
  for (let version = 1; version <= clients + 1; version++) await createModelVersion(db, { name: 'race', version, signature: true });
  const first = await api.create(engineer.headers, { kind: 'promote', modelName: 'race', environment: 'production', version: 1, strategy: 'direct', justification: 'baseline' });
  await api.act(approver.headers, first.body.request.id, 'approve');
  await api.act(engineer.headers, first.body.request.id, 'apply');

  const ids: string[] = [];
  for (let version = 2; version <= clients + 1; version++) {
    const created = await api.create(engineer.headers, { kind: 'promote', modelName: 'race', environment: 'production', version, strategy: 'direct', justification: `candidate ${version}` });
    await api.act(approver.headers, created.body.request.id, 'approve');
    ids.push(created.body.request.id);
  }
  const seqBefore = (await db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq;

  const started = performance.now();
  const results = await Promise.all(ids.map((id) => api.act(engineer.headers, id, 'apply')));
  const elapsed = performance.now() - started;

  const ok = results.filter((r) => r.status === 200);
  const conflicts = results.filter((r) => r.status === 409);
  const deployment = await api.deployment('race', 'production');
  const history = await db.selectFrom('deployment_history').select('revision').where('deployment_id', '=', deployment!.id).execute();
  const states = await db.selectFrom('promotion_requests').select(['state']).where('id', 'in', ids.map(Number)).execute();
  const audit = await db.selectFrom('audit_events').select(['action']).where('seq', '>', seqBefore).execute();
  const count = (action: string) => audit.filter((a) => a.action === action).length;
  const winner = ok[0]?.body.request.version;
  const chain = await verifyAuditChain(t.database.handle);
  const checks: Array<[string, boolean]> = [
    ['exactly one apply succeeded', ok.length === 1],
    ['every other apply answered 409', conflicts.length === clients - 1],
    ['deployment moved exactly once (revision 1 → 2)', deployment?.revision === 2 && history.length === 2],
    ['deployment serves the winner', deployment?.stable_version === winner],
    ['alias follows the winner', (await api.alias('race', 'production'))?.version === winner],
    ['requests: 1 applied, 99 failed', states.filter((s) => s.state === 'applied').length === 1 && states.filter((s) => s.state === 'failed').length === clients - 1],
    ['audit: 1 applied, 1 deployment change, 1 alias move, 99 failed', count('promotion-request.applied') === 1 && count('deployment.promote') === 1 && count('model-alias.moved') === 1 && count('promotion-request.failed') === clients - 1],
    [`audit chain verifies (${chain.checked} events)`, chain.ok],
  ];
  console.log(`\n1. ${clients} concurrent applies of conflicting requests for one deployment: ${ms(elapsed)} in all`);
  console.log(`   answers: ${ok.length} × 200, ${conflicts.length} × 409; winner: version ${winner}`);
  for (const [label, passed] of checks) console.log(`   ${passed ? 'ok  ' : 'FAIL'} ${label}`);
  if (checks.some(([, passed]) => !passed)) process.exitCode = 1;
}

async function inbox(t: TestApp) {
  const db = t.database.handle.db;
  const total = 10_000;
  const requester = await t.userWithRole('ml-engineer', 'inbox-requester');
  const approver = await t.userWithRole('approver', 'inbox-approver');
  await createModelVersion(db, { name: 'inbox', version: 1 });
  const deployment = await db
    .insertInto('deployments')
    .values({ model_name: 'inbox', environment: 'production', stable_version: null, canary_version: null, canary_weight: 0, status: 'empty', revision: 0, updated_by: 'bench', updated_at: Date.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const policy: Policy = { requiredApprovals: 1, approverRoles: ['approver', 'admin'], requesterMayApprove: false, expiryHours: 72, autoApply: false, gates: [], rollback: { allowedRoles: ['ml-engineer'], requiredApprovals: 1, breakGlass: true, notifyApprovers: true } };
  const states = ['pending', 'pending', 'approved', 'applied', 'rejected', 'failed', 'cancelled', 'expired'];
  const now = Date.now();
  const gates = JSON.stringify([{ type: 'signature-present', label: 'MLmodel signature present', status: 'pass', message: 'ok', observed: null, expected: null }]);
  for (let start = 0; start < total; start += 500) {
    await db
      .insertInto('promotion_requests')
      .values(
        Array.from({ length: 500 }, (_, i) => {
          const n = start + i;
          const state = states[n % states.length]!;
          return {
            kind: 'promote', model_name: 'inbox', environment: 'production', deployment_id: deployment.id, version: 1, from_version: null, strategy: 'direct',
            canary_steps: null, target_weight: null, base_revision: 0, state, break_glass: 0, requested_by: Number(requester.userId), requested_by_name: requester.username,
            justification: `request ${n}`, policy_json: JSON.stringify(policy), required_approvals: 1, approver_roles: rolesColumn(policy.approverRoles),
            requester_may_approve: 0, auto_apply: 0, gate_results_json: gates, gates_checked_at: now, failure_reason: null,
            created_at: now - (total - n) * 1000, updated_at: now, expires_at: state === 'pending' ? now + 86_400_000 : null, applied_at: null, applied_by: null,
          };
        }),
      )
      .execute();
  }
  // As autovacuum would after a bulk load: PostgreSQL plans with the table's real statistics.
  if (t.database.handle.dialect === 'postgres') await sql`analyze`.execute(db);
  console.log(`\n2. Approvals inbox over ${total} requests, first page (50), via HTTP inject (auth included):`);
  for (const [label, url, who] of [
    ['mine to approve', '/api/v1/promotions/requests?view=mine-to-approve', approver],
    ['my requests', '/api/v1/promotions/requests?view=my-requests', requester],
    ['all, state=pending', '/api/v1/promotions/requests?view=all&state=pending', approver],
  ] as const) {
    const timings: number[] = [];
    for (let i = 0; i < 220; i++) {
      const started = performance.now();
      const response = await t.app.inject({ method: 'GET', url, headers: who.headers });
      if (response.statusCode !== 200 || response.json().items.length !== 50) throw new Error(`inbox answered ${response.statusCode}`);
      if (i >= 20) timings.push(performance.now() - started); // the first 20 warm up
    }
    timings.sort((a, b) => a - b);
    const p95 = percentile(timings, 95);
    console.log(`   ${label.padEnd(20)} p50 ${ms(percentile(timings, 50))}  p95 ${ms(p95)}  ${p95 <= 50 ? 'ok (≤ 50 ms)' : 'OVER 50 ms'}`);
  }
}

await main(process.argv.slice(3));
