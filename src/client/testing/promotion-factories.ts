import type { Deployment, DeploymentDetail, Environment, HistoryEntry } from '../../shared/contract/deployments';
import type { GateResult, Policy } from '../../shared/contract/promotion-policies';
import type { PromotionRequest, RequestDetail, VersionFacts } from '../../shared/contract/promotions';

/** Data generators for the deployments, promotions and webhooks screens (tests and dev:mock). */
const at = '2026-11-03T10:00:00.000Z';

export function buildEnvironment(name: string, overrides: Partial<Environment> = {}): Environment {
  const isProduction = name === 'production';
  return { name, order: isProduction ? 2 : 1, protected: isProduction, ownedAliases: [name], description: null, createdAt: at, updatedAt: at, ...overrides };
}

export function buildDeployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    id: '1', modelName: 'churn', environment: 'production', stableVersion: 1, canaryVersion: null, canaryWeight: 0, status: 'stable',
    strategy: 'direct', canarySteps: null, revision: 1, requestId: '1', updatedBy: 'erin', updatedAt: at, ...overrides,
  };
}

export function buildHistoryEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    revision: 1, stableVersion: 1, canaryVersion: null, canaryWeight: 0, status: 'stable', change: 'promote', requestId: '1',
    changedBy: 'erin', changedAt: '2026-11-01T10:00:00.000Z', justification: 'First release', ...overrides,
  };
}

export function buildDeploymentDetail(deployment: Partial<Deployment> = {}, overrides: Partial<DeploymentDetail> = {}): DeploymentDetail {
  const d = buildDeployment(deployment);
  return { deployment: d, environment: buildEnvironment(d.environment), history: [buildHistoryEntry()], lastKnownGood: null, nextCanaryStep: null, ...overrides };
}

export const seededPolicy: Policy = {
  requiredApprovals: 1, approverRoles: ['approver', 'admin'], requesterMayApprove: false, expiryHours: 72, autoApply: false,
  gates: [{ type: 'signature-present' }, { type: 'no-critical-drift' }],
  rollback: { allowedRoles: ['ml-engineer', 'admin'], requiredApprovals: 1, breakGlass: true, notifyApprovers: true },
};

export function buildGate(overrides: Partial<GateResult> = {}): GateResult {
  return { type: 'signature-present', label: 'MLmodel signature present', status: 'pass', message: 'The MLmodel declares an input signature', observed: null, expected: null, ...overrides };
}

export function buildPromotionRequest(overrides: Partial<PromotionRequest> = {}): PromotionRequest {
  return {
    id: '7', kind: 'promote', modelName: 'churn', environment: 'production', deploymentId: '1', version: 2, fromVersion: 1, strategy: 'canary',
    canarySteps: [10, 50, 100], targetWeight: 10, baseRevision: 1, state: 'pending', breakGlass: false, requestedBy: { id: '3', username: 'erin' },
    justification: 'Better AUC on the October backtest', requiredApprovals: 1, approvalCount: 0, approverRoles: ['approver', 'admin'],
    gateSummary: { pass: 1, fail: 0, warning: 1 }, failureReason: null, createdAt: at, updatedAt: at, expiresAt: '2026-11-06T10:00:00.000Z',
    appliedAt: null, appliedBy: null, ...overrides,
  };
}

export function buildVersionFacts(version: number, overrides: Partial<VersionFacts> = {}): VersionFacts {
  return {
    version, runId: `run${version}`, source: `models:/m-${version}`, metrics: { auc: 0.86 }, params: { depth: '6' }, tags: {},
    signature: { inputs: '[{"name":"tenure","type":"double"}]', outputs: '[{"type":"long"}]' },
    datasets: [{ name: 'train', digest: `d${version}`, context: 'training' }], ...overrides,
  };
}

export function buildRequestDetail(request: Partial<PromotionRequest> = {}, overrides: Partial<RequestDetail> = {}): RequestDetail {
  const r = buildPromotionRequest(request);
  return {
    request: r,
    gates: [buildGate(), buildGate({ type: 'no-critical-drift', label: 'no critical drift against the reference', status: 'warning', message: 'No live predictions for v2 in the last 24 h: drift was not checked' })],
    gatesCheckedAt: at,
    policy: seededPolicy,
    decisions: [],
    comments: [],
    events: [{ id: '1', kind: 'created', actor: r.requestedBy.username, message: '2 gates checked', createdAt: at }],
    comparison: { candidate: buildVersionFacts(2, { metrics: { auc: 0.88 }, params: { depth: '8' } }), serving: buildVersionFacts(1) },
    deployment: buildDeployment(),
    yourActions: ['approve', 'reject', 'comment'],
    ...overrides,
  };
}
