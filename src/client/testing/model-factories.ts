import type { DatasetPage, LineageGraph, LineageNode } from '../../shared/contract/lineage';
import type { ModelSummary, VersionDetail, VersionRow } from '../../shared/contract/models';

/** Contract-shaped fixtures for the models and lineage pages. */
export function buildModelSummary(overrides: Partial<ModelSummary> = {}): ModelSummary {
  return {
    name: 'churn',
    description: 'Predicts **churn** in the next 30 days.',
    owner: 'ada',
    tags: [{ key: 'team', value: 'risk' }],
    aliases: [
      { alias: 'champion', version: 2, ownedBy: null },
      { alias: 'production', version: 1, ownedBy: 'production' },
    ],
    latestVersion: 2,
    versionCount: 2,
    serving: [{ deploymentId: '7', environment: 'production', stableVersion: 1, canaryVersion: null, canaryWeight: 0 }],
    createdAt: '2026-11-01T09:00:00.000Z',
    lastChangeAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

export function buildVersionRow(overrides: Partial<VersionRow> = {}): VersionRow {
  const version = overrides.version ?? 1;
  return {
    name: 'churn',
    version,
    registeredBy: 'ada',
    createdAt: '2026-11-10T09:00:00.000Z',
    updatedAt: '2026-11-10T09:00:00.000Z',
    status: 'READY',
    stage: 'None',
    description: null,
    runId: `run${version}`,
    runName: `train-${version}`,
    experimentId: '1',
    modelId: null,
    aliases: [],
    tags: [],
    metrics: [{ key: 'auc', value: 0.8 + version / 100 }],
    datasets: [{ name: 'customers', digest: `digest${version}`, context: 'training' }],
    ...overrides,
  };
}

export function buildVersionDetail(overrides: Partial<VersionDetail> = {}): VersionDetail {
  return {
    ...buildVersionRow(overrides),
    source: 'models:/m-1',
    storageLocation: 'mlflow-artifacts:/1/models/m-1/artifacts',
    statusMessage: null,
    signature: { inputs: [{ name: 'tenure', type: 'double', optional: false, shape: null }, { name: 'plan', type: 'string', optional: true, shape: null }], outputs: [{ name: null, type: 'long', optional: false, shape: null }], params: [] },
    flavors: [{ name: 'sklearn', details: [{ key: 'sklearn_version', value: '1.5.0' }] }],
    inputExample: [{ key: 'artifact_path', value: 'input_example.json' }],
    sizeBytes: 20480,
    mlflowVersion: '3.1.0',
    params: [{ key: 'depth', value: '4' }],
    serving: [],
    modelAliases: buildModelSummary().aliases,
    ...overrides,
  };
}

const node = (id: string, kind: LineageNode['kind'], label: string, ref: LineageNode['ref'], extra: Partial<LineageNode> = {}): LineageNode => ({ id, kind, label, detail: null, deleted: false, time: 0, ref, ...extra });

/** dataset → run → version 1 → production → monitoring, and the model. */
export function buildLineageGraph(): LineageGraph {
  return {
    root: 'model-version:1:churn',
    nodes: [
      node('dataset:digest1', 'dataset', 'customers', { kind: 'dataset', digest: 'digest1' }),
      node('run:run1', 'run', 'train-1', { kind: 'run', runId: 'run1' }),
      node('model:churn', 'model', 'churn', { kind: 'model', name: 'churn' }),
      node('model-version:1:churn', 'model-version', 'churn v1', { kind: 'model-version', name: 'churn', version: 1 }),
      node('deployment:7', 'deployment', 'production', { kind: 'deployment', deploymentId: '7' }),
      node('monitoring:7', 'monitoring', 'Monitoring', { kind: 'monitoring', deploymentId: '7' }),
    ],
    edges: [
      { source: 'dataset:digest1', target: 'run:run1', kind: 'input', label: 'training' },
      { source: 'run:run1', target: 'model-version:1:churn', kind: 'registered', label: null },
      { source: 'model-version:1:churn', target: 'model:churn', kind: 'version', label: null },
      { source: 'model-version:1:churn', target: 'deployment:7', kind: 'serves', label: 'stable' },
      { source: 'deployment:7', target: 'monitoring:7', kind: 'monitors', label: null },
    ],
    truncated: false,
    omittedVersions: 0,
  };
}

export function buildDatasetPage(overrides: Partial<DatasetPage> = {}): DatasetPage {
  return {
    digest: 'digest1',
    entries: [{ name: 'customers', sourceType: 'local', source: '{"uri": "customers.csv"}', schema: null, profile: null, experimentId: '1' }],
    runs: [{ runId: 'run1', runName: 'train-1', experimentId: '1', status: 'FINISHED', deleted: false, startTime: Date.parse('2026-11-10T09:00:00Z'), userId: 'ada', context: 'training' }],
    versions: [{ name: 'churn', version: 1, deleted: false, runId: 'run1' }],
    truncated: false,
    ...overrides,
  };
}
