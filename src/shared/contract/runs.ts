import { z } from 'zod';
import { defineRoute, isoDateTime } from './common';
import { experimentIdSchema, keyValueSchema } from './experiments';

/**
 * Runs as the dashboard shows them. JSON has no NaN or infinities, so a metric value travels as a
 * number or as one of the strings 'NaN', 'Infinity', '-Infinity' (charts draw them as gaps).
 */
export const metricValueSchema = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);
export type MetricValue = z.infer<typeof metricValueSchema>;

export const runStatuses = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
export const runStatusSchema = z.enum(runStatuses);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const runIdSchema = z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, 'Not a run id');

export const datasetRefSchema = z.object({ name: z.string(), digest: z.string(), context: z.string().nullable() });
export const registeredVersionRefSchema = z.object({ name: z.string(), version: z.number().int() });

/** One row of the runs table: the fixed columns plus the chosen metric/param/tag values. */
export const runRowSchema = z.object({
  runId: z.string(),
  runName: z.string(),
  experimentId: z.string(),
  status: runStatusSchema,
  lifecycleStage: z.enum(['active', 'deleted']),
  startTime: isoDateTime,
  endTime: isoDateTime.nullable(),
  userId: z.string(),
  /** Tags MLflow clients set: mlflow.source.name, mlflow.source.git.commit, mlflow.parentRunId. */
  source: z.string().nullable(),
  gitCommit: z.string().nullable(),
  parentRunId: z.string().nullable(),
  datasets: z.array(datasetRefSchema),
  registeredVersions: z.array(registeredVersionRefSchema),
  metrics: z.record(z.string(), metricValueSchema),
  params: z.record(z.string(), z.string()),
  tags: z.record(z.string(), z.string()),
});
export type RunRow = z.infer<typeof runRowSchema>;

const keyList = z.array(z.string().min(1).max(250)).max(100).default([]);

/** The runs view: everything the table's URL holds that the server needs. */
export const runsQuerySchema = z.object({
  experimentIds: z.array(experimentIdSchema).min(1).max(20),
  /** MLflow search syntax, e.g. `metrics.rmse < 0.8 and params.model = 'gbm'`. */
  filter: z.string().max(10_000).default(''),
  /** MLflow order_by clauses, e.g. `metrics.rmse ASC`; start_time DESC by default. */
  orderBy: z.array(z.string().max(500)).max(5).default([]),
  statuses: z.array(runStatusSchema).max(5).optional(),
  startedAfter: isoDateTime.optional(),
  startedBefore: isoDateTime.optional(),
  view: z.enum(['active', 'deleted', 'all']).default('active'),
  columns: z.object({ metrics: keyList, params: keyList, tags: keyList }).default({ metrics: [], params: [], tags: [] }),
});
export type RunsQuery = z.output<typeof runsQuerySchema>;
export type RunsQueryInput = z.input<typeof runsQuerySchema>;

export const searchRunsPage = defineRoute({
  method: 'POST',
  path: '/api/v1/runs/search',
  summary: 'One page of the runs table (filter, order, chosen columns) with the total count',
  body: runsQuerySchema.extend({
    /** The offset of the page's first row, as a string (pages can be fetched in any order). */
    cursor: z.string().regex(/^\d{1,9}$/, 'Not a cursor from this API').optional(),
    limit: z.number().int().min(1).max(1000).default(200),
    withTotal: z.boolean().default(true),
  }),
  response: z.object({ items: z.array(runRowSchema), nextCursor: z.string().nullable(), total: z.number().int().nullable() }),
});

/** Min/mean/max of chosen metrics per value of a param, tag or dataset, over the whole view. */
export const groupRuns = defineRoute({
  method: 'POST',
  path: '/api/v1/runs/groups',
  summary: 'Group the runs view by a param, tag or dataset with min/mean/max of chosen metrics',
  body: runsQuerySchema.extend({
    groupBy: z.object({ entity: z.enum(['param', 'tag', 'dataset']), key: z.string().max(250).default('') }),
    metrics: z.array(z.string().min(1).max(250)).max(20).default([]),
  }),
  response: z.object({
    groups: z.array(
      z.object({
        /** Null for runs without that param/tag/dataset. */
        value: z.string().nullable(),
        count: z.number().int(),
        metrics: z.record(z.string(), z.object({ min: z.number().nullable(), mean: z.number().nullable(), max: z.number().nullable() })),
      }),
    ),
    /** True when more than 500 distinct values exist (the 500 largest groups are shown). */
    truncated: z.boolean(),
    /** Runs grouped: the first 50,000 of the view in its order. */
    runsGrouped: z.number().int(),
    limited: z.boolean(),
  }),
});

/** Path of the streamed CSV export; its query is `runsExportQuerySchema`. */
export const exportRunsPath = '/api/v1/runs/export';
export const runsExportQuerySchema = z.object({
  /** The runs query as JSON (the same view the table shows). */
  query: z.string().max(20_000),
});

export const metricSummarySchema = z.object({ key: z.string(), value: metricValueSchema, step: z.number(), timestamp: isoDateTime });

export const runDetailSchema = z.object({
  run: runRowSchema,
  experimentName: z.string(),
  artifactUri: z.string(),
  description: z.string().nullable(),
  params: z.array(keyValueSchema),
  metrics: z.array(metricSummarySchema),
  tags: z.array(keyValueSchema),
  children: z.array(z.object({ runId: z.string(), runName: z.string(), status: runStatusSchema })),
  parent: z.object({ runId: z.string(), runName: z.string() }).nullable(),
  inputs: z.array(
    z.object({
      name: z.string(),
      digest: z.string(),
      sourceType: z.string(),
      source: z.string(),
      /** JSON text as logged by the client. */
      schema: z.string().nullable(),
      profile: z.string().nullable(),
      tags: z.array(keyValueSchema),
    }),
  ),
  loggedModels: z.array(z.object({ modelId: z.string(), name: z.string(), direction: z.enum(['input', 'output']), artifactLocation: z.string() })),
  registeredVersions: z.array(registeredVersionRefSchema.extend({ status: z.string() })),
});
export type RunDetail = z.infer<typeof runDetailSchema>;

export const getRunDetail = defineRoute({
  method: 'GET',
  path: '/api/v1/runs/:runId',
  summary: 'One run: overview, params, latest metrics, tags, inputs, models and its family',
  params: z.object({ runId: runIdSchema }),
  response: runDetailSchema,
});
