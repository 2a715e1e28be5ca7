import type { Kysely } from 'kysely';
import { autoId } from './kit';

/**
 * Promotion policies, requests with their decisions, comments and events; the webhook outbox and
 * its delivery log; and the canary plan on deployments. Seeds the policies of the two seeded
 * environments (staging: gates only; production: gates plus one approval, never by the requester).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(db);
  const now = Date.now();

  // The approved canary plan (JSON array of weights) and the request that last changed the deployment.
  await db.schema.alterTable('deployments').addColumn('strategy', 'text').execute();
  await db.schema.alterTable('deployments').addColumn('canary_steps', 'text').execute();
  await db.schema.alterTable('deployments').addColumn('request_id', 'text').execute();

  // scope is `<environment>` (the environment's policy) or `<environment>/<model>` (an override).
  await db.schema
    .createTable('policies')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('environment', 'text', (c) => c.notNull().references('environments.name').onDelete('cascade').onUpdate('cascade'))
    .addColumn('model_name', 'text')
    .addColumn('policy_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  const rollback = { allowedRoles: ['ml-engineer', 'admin'], requiredApprovals: 1, breakGlass: true, notifyApprovers: true };
  const seeded = {
    staging: {
      requiredApprovals: 0, approverRoles: ['approver', 'admin'], requesterMayApprove: false, expiryHours: 72, autoApply: true,
      gates: [{ type: 'signature-present' }],
      rollback: { ...rollback, requiredApprovals: 0 },
    },
    production: {
      requiredApprovals: 1, approverRoles: ['approver', 'admin'], requesterMayApprove: false, expiryHours: 72, autoApply: false,
      gates: [{ type: 'signature-present' }, { type: 'no-critical-drift' }],
      rollback,
    },
  };
  for (const [environment, policy] of Object.entries(seeded)) {
    await db
      .insertInto('policies')
      .values({ scope: environment, environment, model_name: null, policy_json: JSON.stringify(policy), updated_by: 'system', updated_at: now })
      .execute();
  }

  await db.schema
    .createTable('promotion_requests')
    .addColumn('id', id.type, id.build)
    .addColumn('kind', 'text', (c) => c.notNull()) // promote | canary-step | canary-promote | canary-abort | rollback
    .addColumn('model_name', 'text', (c) => c.notNull())
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('deployment_id', 'bigint', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
    .addColumn('version', 'integer')
    .addColumn('from_version', 'integer')
    .addColumn('strategy', 'text')
    .addColumn('canary_steps', 'text')
    .addColumn('target_weight', 'integer')
    // The deployment revision the request was made against (optimistic concurrency on apply).
    .addColumn('base_revision', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('break_glass', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requested_by', 'bigint', (c) => c.notNull())
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    // The policy as it was when the request was made; the rules below are copied out to query on.
    .addColumn('policy_json', 'text', (c) => c.notNull())
    .addColumn('required_approvals', 'integer', (c) => c.notNull())
    .addColumn('approver_roles', 'text', (c) => c.notNull()) // ",approver,admin," so LIKE '%,role,%' matches
    .addColumn('requester_may_approve', 'integer', (c) => c.notNull())
    .addColumn('auto_apply', 'integer', (c) => c.notNull())
    .addColumn('approval_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gate_results_json', 'text', (c) => c.notNull())
    .addColumn('gates_checked_at', 'bigint', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('applied_at', 'bigint')
    .addColumn('applied_by', 'text')
    .execute();
  await db.schema.createIndex('promotion_requests_state').on('promotion_requests').columns(['state', 'id']).execute();
  await db.schema.createIndex('promotion_requests_requester').on('promotion_requests').columns(['requested_by', 'id']).execute();
  await db.schema.createIndex('promotion_requests_deployment').on('promotion_requests').columns(['deployment_id', 'id']).execute();

  await db.schema
    .createTable('promotion_decisions')
    .addColumn('id', id.type, id.build)
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('promotion_requests.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull()) // approve | reject
    .addColumn('comment', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // One decision per approver, whatever the service checks first.
    .addUniqueConstraint('promotion_decisions_one_per_user', ['request_id', 'user_id'])
    .execute();
  await db.schema.createIndex('promotion_decisions_user').on('promotion_decisions').columns(['user_id', 'request_id']).execute();

  await db.schema
    .createTable('promotion_comments')
    .addColumn('id', id.type, id.build)
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('promotion_requests.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('promotion_comments_request').on('promotion_comments').columns(['request_id', 'id']).execute();

  // The request's activity (requested, gates checked, approved, applied, ...), as Databricks keeps it.
  await db.schema
    .createTable('promotion_events')
    .addColumn('id', id.type, id.build)
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('promotion_requests.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('promotion_events_request').on('promotion_events').columns(['request_id', 'id']).execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', id.type, id.build)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull()) // JSON array of event types or `prefix.*`; empty = all
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox_events')
    .addColumn('id', id.type, id.build)
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', id.type, id.build)
    .addColumn('event_id', 'bigint', (c) => c.notNull().references('outbox_events.id').onDelete('cascade'))
    .addColumn('webhook_id', 'bigint', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull()) // pending | delivered | failed
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    // A worker's lease: other workers skip the row until it runs out (a crashed worker's lease expires).
    .addColumn('locked_until', 'bigint', (c) => c.notNull())
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'id']).execute();

  await db.schema
    .createTable('webhook_delivery_attempts')
    .addColumn('id', id.type, id.build)
    .addColumn('delivery_id', 'bigint', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
    .addColumn('attempted_at', 'bigint', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_delivery_attempts_delivery').on('webhook_delivery_attempts').columns(['delivery_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'webhook_delivery_attempts', 'webhook_deliveries', 'outbox_events', 'webhooks',
    'promotion_events', 'promotion_comments', 'promotion_decisions', 'promotion_requests', 'policies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['request_id', 'canary_steps', 'strategy']) {
    await db.schema.alterTable('deployments').dropColumn(column).execute();
  }
}
