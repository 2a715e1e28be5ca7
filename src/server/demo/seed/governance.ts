import type { CreateRequestBody, RequestDetail } from '../../../shared/contract/promotions';
import type { Policy } from '../../../shared/contract/promotion-policies';
import type { ApiClient } from '../http/api-client';
import type { People } from './demo-users';

/**
 * The promotion history, made through the promotions API by the people whose job it is: policies
 * by the admin, requests by the engineer, decisions by two approvers, one rejection, a canary
 * stepped to 25 %, a break-glass rollback and a request still waiting for approval.
 */
const productionPolicy: Policy = {
  requiredApprovals: 1,
  approverRoles: ['approver', 'admin'],
  requesterMayApprove: false,
  expiryHours: 72,
  autoApply: false,
  gates: [
    { type: 'signature-present' },
    { type: 'required-tags', tags: ['model_card', 'validated_by'] },
    { type: 'metric-threshold', metric: 'val_accuracy', operator: '>=', threshold: 0.6 },
    { type: 'no-critical-drift' },
  ],
  rollback: { allowedRoles: ['ml-engineer', 'admin'], requiredApprovals: 1, breakGlass: true, notifyApprovers: true },
};

const stagingPolicy: Policy = {
  ...productionPolicy,
  requiredApprovals: 0,
  autoApply: true,
  gates: [{ type: 'signature-present' }, { type: 'metric-threshold', metric: 'val_accuracy', operator: '>=', threshold: 0.5 }],
  rollback: { ...productionPolicy.rollback, requiredApprovals: 0 },
};

export async function configurePolicies(admin: ApiClient) {
  await admin.json('PUT', '/api/v1/policies/staging', stagingPolicy);
  await admin.json('PUT', '/api/v1/policies/production', productionPolicy);
}

/** The weather-type model feeds the public forecast page: two approvals in production. */
export async function overrideModelPolicy(admin: ApiClient) {
  await admin.json('PUT', '/api/v1/policies/production/weather-type', { ...productionPolicy, requiredApprovals: 2 });
}

type Decision = { by: keyof People; approve: boolean; comment: string };

async function request(people: People, by: keyof People, body: CreateRequestBody, decisions: Decision[] = []): Promise<RequestDetail> {
  let detail = await people[by].json<RequestDetail>('POST', '/api/v1/promotions/requests', body);
  const id = detail.request.id;
  for (const decision of decisions) {
    const path = `/api/v1/promotions/requests/${id}/${decision.approve ? 'approve' : 'reject'}`;
    detail = await people[decision.by].json<RequestDetail>('POST', path, { comment: decision.comment });
  }
  if (detail.request.state === 'approved') detail = await people[by].json<RequestDetail>('POST', `/api/v1/promotions/requests/${id}/apply`);
  const expected = decisions.some((d) => !d.approve) ? 'rejected' : decisions.length === 0 && body.kind === 'promote' && body.environment === 'production' ? 'pending' : 'applied';
  if (detail.request.state !== expected) {
    throw new Error(`Request #${id} (${body.kind} ${body.modelName} to ${body.environment}) is ${detail.request.state}, expected ${expected}: ${detail.request.failureReason ?? ''}`);
  }
  return detail;
}

const promote = (modelName: string, environment: string, version: number, justification: string, extra: Partial<Extract<CreateRequestBody, { kind: 'promote' }>> = {}): CreateRequestBody => ({
  kind: 'promote', modelName, environment, version, strategy: 'direct', justification, ...extra,
});

export async function promotionHistory(people: People) {
  const both = (comment: string): Decision[] => [
    { by: 'alice', approve: true, comment },
    { by: 'bob', approve: true, comment: 'Model card and gates checked.' },
  ];
  // weather-type: v1 → production; v2 rejected; v3 replaces v1; v4 canary at 25 %.
  await request(people, 'erin', promote('weather-type', 'staging', 1, 'Baseline for the forecast page'));
  await request(people, 'erin', promote('weather-type', 'production', 1, 'First release of the weather-type classifier'), both('Baseline reviewed on the 2014 backtest.'));
  await request(people, 'erin', promote('weather-type', 'staging', 2, 'Try the CART tree in staging'));
  await request(people, 'erin', promote('weather-type', 'production', 2, 'A single tree is easier to explain to the forecast desk'), [
    { by: 'alice', approve: false, comment: 'One tree splits on exact temperatures and will be brittle when the season turns; I want the forest in staging first.' },
  ]);
  await request(people, 'erin', promote('weather-type', 'staging', 3, 'Random forest, small'));
  await request(people, 'erin', promote('weather-type', 'production', 3, 'Bagged trees: steadier than one tree when the season turns', { strategy: 'blue-green' }), both('Confusion matrix looks right.'));
  await request(people, 'erin', promote('weather-type', 'staging', 4, 'More trees'));
  await request(people, 'erin', promote('weather-type', 'production', 4, 'Canary the larger forest before it replaces v3', { strategy: 'canary', canarySteps: [10, 25, 50, 100] }), both('Canary plan approved; watch p99 latency.'));
  await request(people, 'erin', { kind: 'canary-step', modelName: 'weather-type', environment: 'production', justification: 'Error rate flat at 10 % for an hour' });

  // wet-day: v1 → production, v2 replaces it, then a break-glass rollback; v3 waits for approval.
  await request(people, 'erin', promote('wet-day', 'production', 1, 'Rain flag for stations without a gauge'), [{ by: 'bob', approve: true, comment: 'OK for the pilot stations.' }]);
  await request(people, 'erin', promote('wet-day', 'production', 2, 'The tree catches cold windy wet days'), [{ by: 'alice', approve: true, comment: 'Better recall on wet days.' }]);
  await request(people, 'erin', { kind: 'rollback', modelName: 'wet-day', environment: 'production', breakGlass: true, justification: 'v2 flags nearly every windy day as wet; field teams are complaining. Back to v1 now.' });
  await request(people, 'erin', promote('wet-day', 'staging', 3, 'Retrained logistic regression'));
  await request(people, 'erin', promote('wet-day', 'production', 3, 'Retrained baseline, same features, calmer on windy days'));
}
