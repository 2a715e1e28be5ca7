import type { FastifyInstance } from 'fastify';
import { createAlertRule as createRoute, deleteAlertRule as deleteRoute, listAlertRules, listAlerts as listAlertsRoute, updateAlertRule as updateRoute } from '../../../shared/contract/monitoring-alerts';
import { contractRoute } from '../../http/contract-route';
import { principalOf } from '../auth/auth.routes';
import { auditContextFor } from '../auth/principal';
import { changeAlertRule, createAlertRule, removeAlertRule } from './alert-rules.service';
import { listAlerts, listRules } from './alerts.repository';

export async function alertsRoutes(app: FastifyInstance) {
  const { database } = app.deps;

  contractRoute(app, listAlertRules, 'monitoring:read', async () => ({ items: await listRules(database.db) }));

  contractRoute(app, createRoute, 'monitoring:configure', ({ body }, request) => createAlertRule(database, body, auditContextFor(principalOf(request), request)));

  contractRoute(app, updateRoute, 'monitoring:configure', ({ params, body }, request) =>
    changeAlertRule(database, Number(params.ruleId), body, auditContextFor(principalOf(request), request)),
  );

  contractRoute(app, deleteRoute, 'monitoring:configure', async ({ params }, request) => {
    await removeAlertRule(database, Number(params.ruleId), auditContextFor(principalOf(request), request));
    return {};
  });

  contractRoute(app, listAlertsRoute, 'monitoring:read', async ({ query }) => ({
    items: await listAlerts(database.db, { status: query.status, limit: query.limit, ...(query.deploymentId !== undefined && { deploymentId: Number(query.deploymentId) }) }),
  }));
}
