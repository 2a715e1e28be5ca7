import { z } from 'zod';
import { defineRoute, isoDateTime } from './common';
import { versionHealthSchema } from './monitoring';
import { alertSchema } from './monitoring-alerts';

/** One deployment as monitoring saw it at a past moment. */
export const monitoringAsOfDeploymentSchema = z.object({
  deploymentId: z.string(),
  modelName: z.string(),
  environment: z.string(),
  /** The versions serving then, with the health of the hour before the moment. */
  versions: z.array(versionHealthSchema.extend({ role: z.enum(['stable', 'canary']) })),
  /** Alerts open at the moment (opened before it, resolved after it or not yet). */
  openAlerts: z.array(alertSchema),
});
export type MonitoringAsOfDeployment = z.infer<typeof monitoringAsOfDeploymentSchema>;

export const getMonitoringAsOf = defineRoute({
  method: 'GET',
  path: '/api/v1/monitoring/as-of',
  summary: 'What monitoring said at a past moment: per deployment, the versions serving then with the hour’s health, and the alerts open then',
  query: z.object({ at: isoDateTime }),
  response: z.object({ at: isoDateTime, deployments: z.array(monitoringAsOfDeploymentSchema) }),
});
