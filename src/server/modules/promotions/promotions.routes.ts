import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  applyRequest,
  approveRequest,
  cancelRequest,
  commentOnRequest,
  createRequest,
  getRequest,
  listCandidates,
  listRequests,
  previewGates,
  rejectRequest,
} from '../../../shared/contract/promotions';
import { contractRoute } from '../../http/contract-route';
import { principalOf } from '../auth/auth.routes';
import { auditContextFor } from '../auth/principal';
import { applyPromotionRequest } from './apply.service';
import { installBuiltinGates } from './builtin-gates';
import { decideOnRequest } from './decisions.service';
import { previewPromotion } from './preview.service';
import { requestDetail } from './request-detail.service';
import { expireOverdueRequests } from './request-transitions';
import { listRequestsPage } from './requests.repository';
import { createPromotionRequest } from './requests.service';
import { listCandidateVersions } from './version-facts.repository';

export async function promotionsRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const db = database.db;
  installBuiltinGates();
  const who = (request: FastifyRequest) => {
    const principal = principalOf(request);
    return { principal, context: auditContextFor(principal, request) };
  };
  const detail = (requestId: string | number, request: FastifyRequest) => requestDetail(db, Number(requestId), principalOf(request));

  contractRoute(app, createRequest, 'promotions:request', async ({ body }, request) => {
    const { principal, context } = who(request);
    return detail(await createPromotionRequest(app.deps, principal, body, context), request);
  });
  contractRoute(app, listRequests, 'deployments:read', ({ query }, request) => {
    const { principal } = who(request);
    return listRequestsPage(db, query, { id: principal.user.id, role: principal.role });
  });
  contractRoute(app, getRequest, 'deployments:read', ({ params }, request) => detail(params.requestId, request));

  const decision = (action: 'approve' | 'reject' | 'cancel' | 'comment') => async (requestId: string, comment: string | null | undefined, request: FastifyRequest) => {
    const { principal, context } = who(request);
    await decideOnRequest(app.deps, principal, Number(requestId), action, comment ?? null, context);
    return detail(requestId, request);
  };
  contractRoute(app, approveRequest, 'promotions:approve', ({ params, body }, request) => decision('approve')(params.requestId, body.comment, request));
  contractRoute(app, rejectRequest, 'promotions:approve', ({ params, body }, request) => decision('reject')(params.requestId, body.comment, request));
  contractRoute(app, cancelRequest, 'promotions:request', ({ params, body }, request) => decision('cancel')(params.requestId, body.comment, request));
  contractRoute(app, commentOnRequest, 'authenticated', ({ params, body }, request) => decision('comment')(params.requestId, body.body, request));
  contractRoute(app, applyRequest, 'promotions:apply', async ({ params }, request) => {
    const { principal, context } = who(request);
    await applyPromotionRequest(app.deps, principal, Number(params.requestId), context);
    return detail(params.requestId, request);
  });

  contractRoute(app, previewGates, 'promotions:request', ({ body }) => previewPromotion(app.deps, body));
  contractRoute(app, listCandidates, 'deployments:read', async ({ query }) => ({ models: await listCandidateVersions(db, query.model) }));

  // Overdue pending requests are expired lazily when touched, and swept here while the server runs.
  let sweeper: NodeJS.Timeout | null = null;
  app.addHook('onListen', async () => {
    sweeper = setInterval(() => void expireOverdueRequests(database).catch((error) => app.log.error({ err: error }, 'expiring requests failed')), 60_000);
    sweeper.unref();
  });
  app.addHook('onClose', async () => {
    if (sweeper) clearInterval(sweeper);
  });
}
