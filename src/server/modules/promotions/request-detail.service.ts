import type { GateResult, Policy } from '../../../shared/contract/promotion-policies';
import type { RequestDetail } from '../../../shared/contract/promotions';
import { availableActions } from '../../../shared/lib/promotion-state-machine';
import type { Db } from '../../db/database';
import { notFound } from '../../errors';
import type { Principal } from '../auth/principal';
import { findDeploymentById, toDeployment } from '../deployments/deployments.repository';
import { actorFacts, requestFacts } from './request-facts';
import { commentRows, decisionRows, eventRows, findRequestRow, toPromotionRequest } from './requests.repository';
import { loadVersionFacts } from './version-facts.repository';

const iso = (ms: number) => new Date(ms).toISOString();
const person = (id: number, username: string) => ({ id: String(id), username });

/** Everything the request page shows, with the actions the caller may take now. */
export async function requestDetail(db: Db, requestId: number, principal: Principal): Promise<RequestDetail> {
  const row = await findRequestRow(db, requestId);
  if (!row) throw notFound(`No promotion request ${requestId}`);
  const [decisions, comments, events, deployment] = await Promise.all([
    decisionRows(db, requestId),
    commentRows(db, requestId),
    eventRows(db, requestId),
    findDeploymentById(db, Number(row.deployment_id)),
  ]);
  const [candidate, serving] = await Promise.all([
    row.version === null ? null : loadVersionFacts(db, row.model_name, row.version),
    row.from_version === null || row.from_version === row.version ? null : loadVersionFacts(db, row.model_name, row.from_version),
  ]);
  return {
    request: toPromotionRequest(row),
    gates: JSON.parse(row.gate_results_json) as GateResult[],
    gatesCheckedAt: iso(row.gates_checked_at),
    policy: JSON.parse(row.policy_json) as Policy,
    decisions: decisions.map((d) => ({
      id: String(d.id),
      user: person(d.user_id, d.username),
      role: d.role as Principal['role'],
      decision: d.decision as 'approve' | 'reject',
      comment: d.comment,
      createdAt: iso(d.created_at),
    })),
    comments: comments.map((c) => ({ id: String(c.id), user: person(c.user_id, c.username), body: c.body, createdAt: iso(c.created_at) })),
    events: events.map((e) => ({ id: String(e.id), kind: e.kind, actor: e.actor, message: e.message, createdAt: iso(e.created_at) })),
    comparison: { candidate, serving },
    deployment: toDeployment(deployment!),
    yourActions: availableActions(requestFacts(row), actorFacts(principal, row, decisions)),
  };
}
