import { z } from 'zod';
import { defineRoute } from './common';

/**
 * Lineage: dataset → run (parent run, git commit) → logged model → model version → deployment →
 * monitoring. Edges point downstream (from what was used to what was made from it).
 */
export const lineageKinds = ['dataset', 'commit', 'run', 'logged-model', 'model', 'model-version', 'deployment', 'monitoring'] as const;
export const lineageKindSchema = z.enum(lineageKinds);
export type LineageKind = z.infer<typeof lineageKindSchema>;

/** What a node stands for: the keys of its page (a logged model's is its source run's). */
export const lineageRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dataset'), digest: z.string() }),
  z.object({ kind: z.literal('commit'), commit: z.string() }),
  z.object({ kind: z.literal('run'), runId: z.string() }),
  z.object({ kind: z.literal('logged-model'), modelId: z.string(), runId: z.string().nullable() }),
  z.object({ kind: z.literal('model'), name: z.string() }),
  z.object({ kind: z.literal('model-version'), name: z.string(), version: z.number().int() }),
  z.object({ kind: z.literal('deployment'), deploymentId: z.string() }),
  z.object({ kind: z.literal('monitoring'), deploymentId: z.string() }),
]);
export type LineageRef = z.infer<typeof lineageRefSchema>;

export const lineageNodeSchema = z.object({
  id: z.string(),
  kind: lineageKindSchema,
  label: z.string(),
  /** A second line: status, run name, environment role… */
  detail: z.string().nullable(),
  /** Deleted versions and runs stay in the graph, marked. */
  deleted: z.boolean(),
  /** Newer first when siblings are collapsed (epoch ms, 0 when unknown). */
  time: z.number(),
  ref: lineageRefSchema,
});
export type LineageNode = z.infer<typeof lineageNodeSchema>;

export const lineageEdgeKinds = ['input', 'parent', 'commit', 'output', 'registered', 'version', 'serves', 'served', 'monitors'] as const;
/** One edge per (source, target, kind): clients that need an edge key make it from those three. */
export const lineageEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  kind: z.enum(lineageEdgeKinds),
  /** e.g. the dataset context (training, evaluation) or the canary weight. */
  label: z.string().nullable(),
});
export type LineageEdge = z.infer<typeof lineageEdgeSchema>;

export const lineageGraphSchema = z.object({
  root: z.string(),
  nodes: z.array(lineageNodeSchema),
  edges: z.array(lineageEdgeSchema),
  /** The node cap was reached: some nodes were left out. */
  truncated: z.boolean(),
  /** A model root: its older versions left out (see the `versions` query parameter). */
  omittedVersions: z.number().int(),
});
export type LineageGraph = z.infer<typeof lineageGraphSchema>;

export const lineageRootKinds = ['model', 'model-version', 'run', 'dataset'] as const;
export const lineageDirectionSchema = z.enum(['up', 'down', 'both']);
export type LineageDirection = z.infer<typeof lineageDirectionSchema>;

export const getLineage = defineRoute({
  method: 'GET',
  path: '/api/v1/lineage',
  summary: 'The lineage graph around a model, a version, a run or a dataset digest',
  query: z.object({
    kind: z.enum(lineageRootKinds),
    /** Model name, run id or dataset digest. */
    id: z.string().min(1).max(512),
    /** With kind=model-version. */
    version: z.coerce.number().int().min(1).optional(),
    depth: z.coerce.number().int().min(1).max(8).default(4),
    direction: lineageDirectionSchema.default('both'),
    /**
     * A model root: how many of its versions (newest first) the graph goes on from. The page draws
     * a few and folds the rest; asking for all of a 500-version model costs ten times as much.
     */
    versions: z.coerce.number().int().min(1).max(3000).default(50),
  }),
  response: lineageGraphSchema,
});

export const datasetPageSchema = z.object({
  digest: z.string(),
  /** Every (name, source) this digest was logged under. */
  entries: z.array(z.object({ name: z.string(), sourceType: z.string(), source: z.string(), schema: z.string().nullable(), profile: z.string().nullable(), experimentId: z.string() })),
  runs: z.array(
    z.object({
      runId: z.string(),
      runName: z.string(),
      experimentId: z.string(),
      status: z.string(),
      deleted: z.boolean(),
      startTime: z.number(),
      userId: z.string(),
      context: z.string().nullable(),
    }),
  ),
  versions: z.array(z.object({ name: z.string(), version: z.number().int(), deleted: z.boolean(), runId: z.string() })),
  /** More runs used the digest than are listed. */
  truncated: z.boolean(),
});
export type DatasetPage = z.infer<typeof datasetPageSchema>;

export const getDataset = defineRoute({
  method: 'GET',
  path: '/api/v1/datasets/:digest',
  summary: 'Where a dataset digest was used: its runs and the model versions made from them',
  params: z.object({ digest: z.string().min(1).max(512) }),
  response: datasetPageSchema,
});
