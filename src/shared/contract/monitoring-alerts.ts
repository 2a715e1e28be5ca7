import { z } from 'zod';
import { defineRoute, emptyResponseSchema, isoDateTime } from './common';

/** What a rule watches. Feature metrics breach when any feature does. */
export const alertMetricSchema = z.enum(['feature_psi', 'drifted_features', 'drift_share', 'latency_p50', 'latency_p95', 'latency_p99', 'error_rate']);
export type AlertMetric = z.infer<typeof alertMetricSchema>;

export const alertActionSchema = z.enum(['investigate', 'retrain', 'rollback']);
export type AlertAction = z.infer<typeof alertActionSchema>;

const ruleFields = {
  name: z.string().trim().min(1).max(120),
  metric: alertMetricSchema,
  operator: z.enum(['>', '>=']),
  threshold: z.number().min(0).max(1e9),
  /** Window size the metric is computed on, in minutes (1, 5, 15, 60, 360, 1440). */
  windowMinutes: z.union([z.literal(1), z.literal(5), z.literal(15), z.literal(60), z.literal(360), z.literal(1440)]),
  /** Breaching windows in a row before the alert opens. */
  consecutive: z.number().int().min(1).max(100),
  /** null: every deployment. */
  deploymentId: z.string().regex(/^\d+$/).nullable(),
  versionRole: z.enum(['any', 'stable', 'canary']),
  action: alertActionSchema,
  enabled: z.boolean(),
};

export const alertRuleSchema = z.object({ id: z.string(), ...ruleFields, createdAt: isoDateTime, updatedAt: isoDateTime });
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const alertRuleInputSchema = z.object(ruleFields);
export type AlertRuleInput = z.infer<typeof alertRuleInputSchema>;

const ruleParams = z.object({ ruleId: z.string().regex(/^\d+$/, 'Rule ids are numbers') });

export const listAlertRules = defineRoute({
  method: 'GET',
  path: '/api/v1/monitoring/alert-rules',
  summary: 'Alert rules',
  response: z.object({ items: z.array(alertRuleSchema) }),
});

export const createAlertRule = defineRoute({
  method: 'POST',
  path: '/api/v1/monitoring/alert-rules',
  summary: 'Create an alert rule',
  body: alertRuleInputSchema,
  response: alertRuleSchema,
  status: 201,
});

export const updateAlertRule = defineRoute({
  method: 'PUT',
  path: '/api/v1/monitoring/alert-rules/:ruleId',
  summary: 'Change an alert rule',
  params: ruleParams,
  body: alertRuleInputSchema,
  response: alertRuleSchema,
});

export const deleteAlertRule = defineRoute({
  method: 'DELETE',
  path: '/api/v1/monitoring/alert-rules/:ruleId',
  summary: 'Delete an alert rule (its open alerts resolve)',
  params: ruleParams,
  response: emptyResponseSchema,
});

export const alertSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  deploymentId: z.string(),
  modelName: z.string(),
  environment: z.string(),
  version: z.string(),
  /** The feature that breached, for feature metrics. */
  subject: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  metric: alertMetricSchema,
  value: z.number(),
  threshold: z.number(),
  message: z.string(),
  action: alertActionSchema,
  openedAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const listAlerts = defineRoute({
  method: 'GET',
  path: '/api/v1/monitoring/alerts',
  summary: 'Alerts, newest first',
  query: z.object({
    status: z.enum(['open', 'resolved', 'all']).default('open'),
    deploymentId: z.string().regex(/^\d+$/).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({ items: z.array(alertSchema) }),
});
