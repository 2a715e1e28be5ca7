import { type Insertable, PostgresAdapter } from 'kysely';
import type { Role } from '../../../shared/permissions';
import type { GateResult } from '../../../shared/contract/promotion-policies';
import type { ListRequestsQuery, PromotionRequest } from '../../../shared/contract/promotions';
import type { Db } from '../../db/database';
import type { PromotionRequestRow, PromotionRequestsTable } from './promotions.tables';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
export const rolesColumn = (roles: readonly string[]) => `,${roles.join(',')},`;
const rolesOf = (column: string) => column.split(',').filter(Boolean) as Role[];

/** A pending request past its expiry reads as expired even before the sweeper records it. */
export function effectiveState(row: Pick<PromotionRequestRow, 'state' | 'expires_at'>, now = Date.now()): PromotionRequest['state'] {
  if (row.state === 'pending' && row.expires_at !== null && row.expires_at <= now) return 'expired';
  return row.state as PromotionRequest['state'];
}

export function toPromotionRequest(row: Omit<PromotionRequestRow, 'policy_json'>, now = Date.now()): PromotionRequest {
  const gates = JSON.parse(row.gate_results_json) as GateResult[];
  const count = (status: GateResult['status']) => gates.filter((g) => g.status === status).length;
  return {
    id: String(row.id),
    kind: row.kind as PromotionRequest['kind'],
    modelName: row.model_name,
    environment: row.environment,
    deploymentId: String(row.deployment_id),
    version: row.version,
    fromVersion: row.from_version,
    strategy: row.strategy as PromotionRequest['strategy'],
    canarySteps: row.canary_steps ? (JSON.parse(row.canary_steps) as number[]) : null,
    targetWeight: row.target_weight,
    baseRevision: row.base_revision,
    state: effectiveState(row, now),
    breakGlass: row.break_glass === 1,
    requestedBy: { id: String(row.requested_by), username: row.requested_by_name },
    justification: row.justification,
    requiredApprovals: row.required_approvals,
    approvalCount: row.approval_count,
    approverRoles: rolesOf(row.approver_roles),
    gateSummary: { pass: count('pass'), fail: count('fail'), warning: count('warning') },
    failureReason: row.failure_reason,
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
    expiresAt: iso(row.expires_at),
    appliedAt: iso(row.applied_at),
    appliedBy: row.applied_by,
  };
}

export function insertRequestRow(tx: Db, values: Insertable<PromotionRequestsTable>) {
  return tx.insertInto('promotion_requests').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Reads a request; with `lock`, holds its row until the transaction ends (PostgreSQL; SQLite's write lock already serialises). */
export function findRequestRow(db: Db, id: number, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('promotion_requests').selectAll().where('id', '=', id);
  if (options.lock && db.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Changes a request only if it is still in one of `fromStates`; returns whether it did. */
export async function updateRequestRow(
  tx: Db,
  id: number,
  fromStates: readonly string[],
  changes: Partial<Pick<PromotionRequestRow, 'state' | 'approval_count' | 'failure_reason' | 'gate_results_json' | 'gates_checked_at' | 'applied_at' | 'applied_by'>>,
): Promise<boolean> {
  const result = await tx
    .updateTable('promotion_requests')
    .set({ ...changes, updated_at: Date.now() })
    .where('id', '=', id)
    .where('state', 'in', [...fromStates])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertDecision(tx: Db, values: { requestId: number; userId: number; username: string; role: string; decision: 'approve' | 'reject'; comment: string | null }) {
  await tx
    .insertInto('promotion_decisions')
    .values({ request_id: values.requestId, user_id: values.userId, username: values.username, role: values.role, decision: values.decision, comment: values.comment, created_at: Date.now() })
    .execute();
}

export function decisionRows(db: Db, requestId: number) {
  return db.selectFrom('promotion_decisions').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
}

export async function insertComment(tx: Db, values: { requestId: number; userId: number; username: string; body: string }) {
  await tx.insertInto('promotion_comments').values({ request_id: values.requestId, user_id: values.userId, username: values.username, body: values.body, created_at: Date.now() }).execute();
}

export function commentRows(db: Db, requestId: number) {
  return db.selectFrom('promotion_comments').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
}

export async function insertRequestEvent(tx: Db, requestId: number, kind: string, actor: string, message: string | null = null) {
  await tx.insertInto('promotion_events').values({ request_id: requestId, kind, actor, message, created_at: Date.now() }).execute();
}

export function eventRows(db: Db, requestId: number) {
  return db.selectFrom('promotion_events').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
}

/** Pending requests past their expiry, oldest first. */
export async function overdueRequestIds(db: Db, now: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('promotion_requests')
    .select('id')
    .where('state', '=', 'pending')
    .where('expires_at', '<=', now)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

const listColumns = [
  'id', 'kind', 'model_name', 'environment', 'deployment_id', 'version', 'from_version', 'strategy', 'canary_steps', 'target_weight',
  'base_revision', 'state', 'break_glass', 'requested_by', 'requested_by_name', 'justification', 'required_approvals', 'approver_roles',
  'requester_may_approve', 'auto_apply', 'approval_count', 'gate_results_json', 'gates_checked_at', 'failure_reason', 'created_at',
  'updated_at', 'expires_at', 'applied_at', 'applied_by',
] as const satisfies ReadonlyArray<keyof PromotionRequestRow>;

/**
 * One page of the approvals inbox, newest first (keyset on id). "Mine to approve" is pending, not
 * overdue, open to my role, not mine (unless the policy allows), and not yet decided by me.
 */
export async function listRequestsPage(db: Db, query: ListRequestsQuery & { limit: number }, me: { id: number; role: Role }, now = Date.now()) {
  // Every column but the policy snapshot, which lists never show.
  const columns = listColumns.map((c) => `r.${c}` as const);
  let select = db.selectFrom('promotion_requests as r').select(columns).orderBy('r.id', 'desc').limit(query.limit + 1);
  if (query.cursor && /^\d+$/.test(query.cursor)) select = select.where('r.id', '<', Number(query.cursor));
  if (query.environment) select = select.where('r.environment', '=', query.environment);
  if (query.model) select = select.where('r.model_name', '=', query.model);
  if (query.kind) select = select.where('r.kind', '=', query.kind);
  if (query.state === 'pending') select = select.where('r.state', '=', 'pending').where((eb) => eb.or([eb('r.expires_at', 'is', null), eb('r.expires_at', '>', now)]));
  else if (query.state === 'expired') select = select.where((eb) => eb.or([eb('r.state', '=', 'expired'), eb.and([eb('r.state', '=', 'pending'), eb('r.expires_at', '<=', now)])]));
  else if (query.state) select = select.where('r.state', '=', query.state);

  if (query.view === 'my-requests') select = select.where('r.requested_by', '=', me.id);
  if (query.view === 'mine-to-approve') {
    select = select
      .where('r.state', '=', 'pending')
      .where((eb) => eb.or([eb('r.expires_at', 'is', null), eb('r.expires_at', '>', now)]))
      .where('r.approver_roles', 'like', `%,${me.role},%`)
      .where((eb) => eb.or([eb('r.requested_by', '!=', me.id), eb('r.requester_may_approve', '=', 1)]))
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('promotion_decisions as d').select('d.id').whereRef('d.request_id', '=', 'r.id').where('d.user_id', '=', me.id))),
      );
  }
  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  return { items: page.map((row) => toPromotionRequest(row, now)), nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null };
}
