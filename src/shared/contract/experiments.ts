import { z } from 'zod';
import { defineRoute, emptyResponseSchema, isoDateTime } from './common';

/**
 * Experiments as the dashboard lists them: MLflow's experiment plus its run count and the time
 * of its latest run. Ids are strings, as MLflow clients see them.
 */
export const experimentIdSchema = z.string().regex(/^\d{1,18}$/, 'Not an experiment id');
export const lifecycleSchema = z.enum(['active', 'deleted']);

export const keyValueSchema = z.object({ key: z.string(), value: z.string() });
export type KeyValue = z.infer<typeof keyValueSchema>;

export const experimentSchema = z.object({
  experimentId: z.string(),
  name: z.string(),
  lifecycleStage: lifecycleSchema,
  artifactLocation: z.string(),
  creationTime: isoDateTime,
  lastUpdateTime: isoDateTime,
  runCount: z.number().int(),
  /** Start of the latest run, or null without runs. */
  lastRunTime: isoDateTime.nullable(),
  /** The `mlflow.note.content` tag, markdown (the client sanitises it before showing it). */
  description: z.string().nullable(),
  tags: z.array(keyValueSchema),
});
export type Experiment = z.infer<typeof experimentSchema>;

export const listExperiments = defineRoute({
  method: 'GET',
  path: '/api/v1/experiments',
  summary: 'Experiments with run counts and last activity, most recently active first',
  query: z.object({
    /** Case-insensitive substring of the name. */
    q: z.string().trim().max(200).optional(),
    view: z.enum(['active', 'deleted', 'all']).default('active'),
    cursor: z.string().regex(/^\d{1,9}$/, 'Not a cursor from this API').optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({ items: z.array(experimentSchema), nextCursor: z.string().nullable() }),
});

const experimentParams = z.object({ experimentId: experimentIdSchema });

export const getExperiment = defineRoute({
  method: 'GET',
  path: '/api/v1/experiments/:experimentId',
  summary: 'One experiment with its run count, tags and description',
  params: experimentParams,
  response: experimentSchema,
});

const name = z.string().trim().min(1).max(500);
const description = z.string().max(50_000);

export const createExperiment = defineRoute({
  method: 'POST',
  path: '/api/v1/experiments',
  summary: 'Create an experiment (data scientist and up)',
  body: z.object({ name, description: description.optional() }),
  response: experimentSchema,
  status: 201,
});

export const updateExperiment = defineRoute({
  method: 'PATCH',
  path: '/api/v1/experiments/:experimentId',
  summary: 'Rename an experiment, edit its description or set and remove tags (data scientist and up)',
  params: experimentParams,
  body: z.object({
    name: name.optional(),
    description: description.optional(),
    setTags: z.array(z.object({ key: z.string().trim().min(1).max(250), value: z.string().max(5000) })).max(100).optional(),
    deleteTags: z.array(z.string().min(1).max(250)).max(100).optional(),
  }),
  response: experimentSchema,
});

export const deleteExperiment = defineRoute({
  method: 'DELETE',
  path: '/api/v1/experiments/:experimentId',
  summary: 'Move an experiment and its runs to the deleted stage (restorable)',
  params: experimentParams,
  response: emptyResponseSchema,
});

export const restoreExperiment = defineRoute({
  method: 'POST',
  path: '/api/v1/experiments/:experimentId/restore',
  summary: 'Bring a deleted experiment back',
  params: experimentParams,
  response: experimentSchema,
});

/** Keys seen in an experiment's runs, for autocomplete and the column chooser. */
export const experimentKeysSchema = z.object({
  metrics: z.array(z.string()),
  params: z.array(z.string()),
  tags: z.array(z.string()),
  datasets: z.array(z.string()),
});
export type ExperimentKeys = z.infer<typeof experimentKeysSchema>;

export const getExperimentKeys = defineRoute({
  method: 'GET',
  path: '/api/v1/experiments/:experimentId/keys',
  summary: 'Metric, param, tag and dataset names logged in an experiment (first 2,000 of each)',
  params: experimentParams,
  response: experimentKeysSchema,
});
