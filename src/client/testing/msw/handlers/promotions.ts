import { getDeployment, getKserveManifest, listDeployments, listEnvironments } from '../../../../shared/contract/deployments';
import { listPolicies } from '../../../../shared/contract/promotion-policies';
import {
  applyRequest, approveRequest, cancelRequest, commentOnRequest, createRequest, getRequest, listCandidates, listRequests, previewGates, rejectRequest,
  type RequestDetail,
} from '../../../../shared/contract/promotions';
import type { DefaultBodyType, HttpResponse } from 'msw';
import { buildDeployment, buildDeploymentDetail, buildEnvironment, buildRequestDetail, seededPolicy } from '../../promotion-factories';
import { contractHandler, errorResponse } from '../contract-handler';

/** What the deployments and promotions handlers serve; tests replace parts with `mockPromotions`. */
interface State {
  deployments: ReturnType<typeof buildDeployment>[];
  detail: ReturnType<typeof buildDeploymentDetail>;
  requests: RequestDetail[];
  /** Answer to POST /promotions/requests (default: the created request, pending). */
  onCreate: (body: Record<string, unknown>) => RequestDetail | HttpResponse<DefaultBodyType>;
  /** The last request bodies and list queries, for assertions. */
  calls: { created: Array<Record<string, unknown>>; listQueries: URLSearchParams[] };
}
let state: State;

export function mockPromotions(next: Partial<Omit<State, 'calls'>> = {}) {
  state = {
    deployments: [buildDeployment()],
    detail: buildDeploymentDetail(),
    requests: [buildRequestDetail()],
    onCreate: (body) => buildRequestDetail({ id: '99', kind: body.kind as RequestDetail['request']['kind'], justification: String(body.justification) }),
    ...next,
    calls: { created: [], listQueries: [] },
  };
  return state.calls;
}
mockPromotions();

const findRequest = (id: unknown) => state.requests.find((r) => r.request.id === id);
const update = (id: unknown, change: (r: RequestDetail) => RequestDetail) => {
  const current = findRequest(id);
  if (!current) return errorResponse(404, 'RESOURCE_DOES_NOT_EXIST', `No promotion request ${String(id)}`);
  const next = change(current);
  state.requests = state.requests.map((r) => (r === current ? next : r));
  return next;
};

export const promotionsHandlers = [
  contractHandler(listEnvironments, () => ({ items: [buildEnvironment('staging'), buildEnvironment('production')] })),
  contractHandler(listDeployments, () => ({ items: state.deployments, environments: [buildEnvironment('staging'), buildEnvironment('production')] })),
  contractHandler(getDeployment, () => state.detail),
  contractHandler(getKserveManifest, () => ({ fileName: 'churn-production.inferenceservice.yaml', yaml: 'kind: InferenceService\n' })),
  contractHandler(listPolicies, () => ({ items: [{ scope: 'production', environment: 'production', modelName: null, policy: seededPolicy, updatedBy: 'system', updatedAt: '2026-11-01T00:00:00.000Z' }] })),
  contractHandler(listCandidates, () => ({ models: [{ name: 'churn', versions: [{ version: 2, createdAt: '2026-11-02T00:00:00.000Z', runId: 'run2' }, { version: 1, createdAt: '2026-11-01T00:00:00.000Z', runId: 'run1' }] }] })),
  contractHandler(previewGates, () => ({ gates: buildRequestDetail().gates, requiredApprovals: 1, approverRoles: seededPolicy.approverRoles, servingVersion: 1 })),
  contractHandler(listRequests, ({ url }) => {
    state.calls.listQueries.push(url.searchParams);
    return { items: state.requests.map((r) => r.request), nextCursor: null };
  }),
  contractHandler(getRequest, ({ params }) => findRequest(params.requestId) ?? errorResponse(404, 'RESOURCE_DOES_NOT_EXIST', 'No such request')),
  contractHandler(createRequest, ({ body }) => {
    state.calls.created.push(body as Record<string, unknown>);
    return state.onCreate(body as Record<string, unknown>);
  }),
  contractHandler(approveRequest, ({ params, body }) =>
    update(params.requestId, (r) => ({
      ...r,
      request: { ...r.request, state: 'approved', approvalCount: r.request.approvalCount + 1 },
      decisions: [...r.decisions, { id: '1', user: { id: '5', username: 'alice' }, role: 'approver', decision: 'approve', comment: (body as { comment?: string }).comment ?? null, createdAt: '2026-11-03T11:00:00.000Z' }],
      yourActions: ['comment'],
    })),
  ),
  contractHandler(rejectRequest, ({ params }) => update(params.requestId, (r) => ({ ...r, request: { ...r.request, state: 'rejected' }, yourActions: ['comment'] }))),
  contractHandler(cancelRequest, ({ params }) => update(params.requestId, (r) => ({ ...r, request: { ...r.request, state: 'cancelled' }, yourActions: ['comment'] }))),
  contractHandler(applyRequest, () => errorResponse(409, 'RESOURCE_CONFLICT', 'The deployment changed since the request was made (revision 1, now 2); nothing changed. Request it again against what serves now.')),
  contractHandler(commentOnRequest, ({ params, body }) =>
    update(params.requestId, (r) => ({ ...r, comments: [...r.comments, { id: '9', user: { id: '5', username: 'alice' }, body: (body as { body: string }).body, createdAt: '2026-11-03T12:00:00.000Z' }] })),
  ),
];
