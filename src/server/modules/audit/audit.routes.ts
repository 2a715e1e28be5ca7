import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  applyRetention as applyRetentionRoute,
  entityReadPermissions,
  getAuditAsOf,
  getChainStatus,
  getEntityHistory,
  getRetention,
  listAuditEvents,
  updateRetention,
} from '../../../shared/contract/audit';
import { can } from '../../../shared/permissions';
import { inTransaction } from '../../db/transaction';
import { forbidden } from '../../errors';
import { contractRoute } from '../../http/contract-route';
import { principalOf } from '../auth/auth.routes';
import { auditContextFor } from '../auth/principal';
import { stateAsOf } from './audit-as-of.service';
import { findEntityEvents, findEvents } from './audit-query.repository';
import { parseCursor, toFilters, toPage } from './audit-query.service';
import { applyRetention, readRetention, setRetention } from './audit-retention.service';
import { verifyChain } from './audit-verification.service';
import { appendAudit } from './audit.service';

/**
 * The audit trail's read API, plus retention. There is deliberately no route that edits or deletes
 * an event: the only deletion is retention's, which is audited and leaves a signed checkpoint.
 */
export async function auditRoutes(app: FastifyInstance) {
  const { database, secret } = app.deps;
  const { db, dialect } = database;

  contractRoute(app, listAuditEvents, 'audit:read', async ({ query }) => {
    const { order, cursor, limit, ...filters } = query;
    return toPage(await findEvents(db, dialect, await toFilters(db, filters), { order, afterSeq: parseCursor(cursor), limit }));
  });

  contractRoute(app, getEntityHistory, 'authenticated', async ({ params, query }, request) => {
    const types = await readableEntityTypes(request, params.entityType);
    const relatedToModel = params.entityType === 'registered-model' && query.related === 'true';
    const entity = { type: params.entityType, id: params.entityId, relatedToModel, types };
    return toPage(await findEntityEvents(db, dialect, entity, { order: query.order, afterSeq: parseCursor(query.cursor), limit: query.limit }));
  });

  contractRoute(app, getAuditAsOf, 'audit:read', ({ query }) => stateAsOf(db, Date.parse(query.at), query.types.split(',')));

  contractRoute(app, getChainStatus, 'audit:read', ({ query }) => verifyChain(database, secret, query.mode));

  contractRoute(app, getRetention, 'settings:admin', () => readRetention(db));

  contractRoute(app, updateRetention, 'settings:admin', ({ body }, request) =>
    setRetention(database, body.retentionDays, auditContextFor(principalOf(request), request)),
  );

  contractRoute(app, applyRetentionRoute, 'settings:admin', ({ body }, request) =>
    applyRetention(database, secret, body.justification, auditContextFor(principalOf(request), request)),
  );

  /**
   * Admins and auditors read every entity's history (null: no type restriction). Everyone else
   * reads the entity types they can read (models, versions, deployments, requests, experiments,
   * runs), never users or tokens; a refusal is audited like the access-control hook's.
   */
  async function readableEntityTypes(request: FastifyRequest, entityType: string): Promise<string[] | null> {
    const principal = principalOf(request);
    if (can(principal.role, 'audit:read')) return null;
    const permission = entityReadPermissions[entityType];
    if (!permission || !can(principal.role, permission)) {
      await inTransaction(database, (tx) =>
        appendAudit(tx, auditContextFor(principal, request), {
          action: 'access.denied',
          entityType: 'route',
          entityId: `${request.method} ${request.routeOptions.url}`,
          after: { permission: permission ?? 'audit:read', role: principal.role, entityType },
        }),
      );
      throw forbidden(`Your role (${principal.role}) may not read the audit history of ${entityType} entities`);
    }
    return Object.entries(entityReadPermissions)
      .filter(([, needed]) => can(principal.role, needed))
      .map(([type]) => type);
  }
}
