import type { MutationSamples, SampleContext } from '../../testing/mutation-samples';
import { seedDeployment } from './monitoring-test-seed';

/** Valid requests for the monitoring routes that change configuration (see src/server/testing/mutation-samples.ts). */
let counter = 0;
const deployment = ({ t }: SampleContext) => seedDeployment(t.database.handle.db, { model: `sample-monitored-${++counter}` });
const rule = (deploymentId: number) => ({
  name: 'Errors',
  metric: 'error_rate',
  operator: '>',
  threshold: 0.05,
  windowMinutes: 5,
  consecutive: 2,
  deploymentId: String(deploymentId),
  versionRole: 'canary',
  action: 'rollback',
  enabled: true,
});

async function createdRule(c: SampleContext): Promise<{ id: string; body: ReturnType<typeof rule> }> {
  const body = rule((await deployment(c)).deploymentId);
  const created = await c.t.app.inject({ method: 'POST', url: '/api/v1/monitoring/alert-rules', headers: c.admin, payload: body });
  return { id: created.json().id, body };
}

export const monitoringSamples: MutationSamples = {
  'POST /api/v1/monitoring/alert-rules': async (c) => ({ method: 'POST', url: '/api/v1/monitoring/alert-rules', headers: c.admin, payload: rule((await deployment(c)).deploymentId) }),
  'PUT /api/v1/monitoring/alert-rules/:ruleId': async (c) => {
    const { id, body } = await createdRule(c);
    return { method: 'PUT', url: `/api/v1/monitoring/alert-rules/${id}`, headers: c.admin, payload: { ...body, threshold: 0.1 } };
  },
  'DELETE /api/v1/monitoring/alert-rules/:ruleId': async (c) => ({ method: 'DELETE', url: `/api/v1/monitoring/alert-rules/${(await createdRule(c)).id}`, headers: c.admin }),
  'PUT /api/v1/deployments/:deploymentId/drift-settings': async (c) => ({
    method: 'PUT',
    url: `/api/v1/deployments/${(await deployment(c)).deploymentId}/drift-settings`,
    headers: c.admin,
    payload: { driftShare: 0.3, features: [] },
  }),
  'POST /api/v1/models/:modelName/versions/:version/reference': async (c) => ({
    method: 'POST',
    url: `/api/v1/models/${(await deployment(c)).model}/versions/1/reference?fileName=train.csv`,
    headers: { ...c.admin, 'content-type': 'text/csv' },
    payload: 'income,age\n1,2\n3,4\n5,6\n',
  }),
  'POST /api/v1/models/:modelName/versions/:version/reference/baseline': async (c) => ({
    method: 'POST',
    url: `/api/v1/models/${(await deployment(c)).model}/versions/1/reference/baseline`,
    headers: c.admin,
    payload: { events: 100 },
  }),
};
