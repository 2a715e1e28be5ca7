import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/build-test-app';
import { mlflowCall } from '../testing/mlflow-call';

/**
 * Thousands of random requests at every registered MLflow JSON endpoint (tracking, registry,
 * logged models, whatever is added later: the list comes from the route table). Whatever
 * arrives, the answer is a 2xx or a 4xx with MLflow's JSON error, never a 5xx: the Python
 * client retries those for minutes.
 */
let t: TestApp;
let headers: Record<string, string>;
const ids: Record<string, string> = {};

const fields = [
  'name', 'new_name', 'experiment_id', 'experiment_ids', 'experiment_name', 'run_id', 'run_uuid', 'run_ids', 'key', 'value', 'tags',
  'params', 'metrics', 'timestamp', 'step', 'status', 'start_time', 'end_time', 'run_name', 'user_id', 'metric_key', 'max_results',
  'page_token', 'filter', 'order_by', 'view_type', 'run_view_type', 'datasets', 'models', 'model_json', 'artifact_location',
  'description', 'version', 'alias', 'source', 'model_id', 'stages', 'source_run_id', 'start_step', 'end_step', 'path',
];

beforeAll(async () => {
  t = await buildTestApp();
  headers = (await t.userWithRole('admin')).headers;
  ids.experiment = (await mlflowCall(t, headers, 'POST', 'experiments/create', { name: 'fuzz' })).body.experiment_id;
  ids.run = (await mlflowCall(t, headers, 'POST', 'runs/create', { experiment_id: ids.experiment })).body.run.info.run_id;
  await mlflowCall(t, headers, 'POST', 'runs/log-batch', { run_id: ids.run, metrics: [{ key: 'loss', value: 1, timestamp: 1, step: 0 }], params: [{ key: 'p', value: '1' }] });
  ids.model = (await mlflowCall(t, headers, 'POST', 'logged-models', { experiment_id: ids.experiment, source_run_id: ids.run })).body.model.info.model_id;
  await mlflowCall(t, headers, 'POST', 'registered-models/create', { name: 'fuzz' });
  await mlflowCall(t, headers, 'POST', 'model-versions/create', { name: 'fuzz', source: `models:/${ids.model}`, model_id: ids.model });
});
afterAll(() => t.close());

function arbitraries() {
  const nasty = fc.constantFrom(
    '', ' ', '0', '1', '-1', '2147483648', '99999999999999999999', 'NaN', 'Infinity', 'null', 'true', '\u0000', '%00', '../..', '%2e%2e', '\\', "'", '`',
    "metrics.loss > 0.5 and params.p = '1'", "name = 'a' or 1=1", 'tags.`x` LIKE', 'ACTIVE_ONLY', 'ALL', 'FINISHED', 'start_time DESC', 'fuzz',
    'champion', 'production', 'models:/fuzz/1', 'mlflow-artifacts:/1/x', 'file:///etc/passwd', 'x'.repeat(300), 'é✓', 'eyJvZmZzZXQiOjF9',
    ids.experiment as string, ids.run as string, ids.model as string,
  );
  const scalar = fc.oneof(nasty, fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const entry = fc.oneof(
    scalar,
    fc.record({ key: scalar, value: scalar, timestamp: scalar, step: scalar }, { requiredKeys: [] }),
    fc.record({ dataset: fc.record({ name: scalar, digest: scalar, source_type: scalar, source: scalar }, { requiredKeys: [] }), tags: fc.array(fc.record({ key: scalar, value: scalar })) }, { requiredKeys: [] }),
    fc.record({ model_id: scalar, step: scalar }, { requiredKeys: [] }),
  );
  // Numbers at the edges of int32, int64, doubles and JSON: where databases and parsers disagree.
  const edge = fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, 1e19, -1e19, 1.5, -0, 1e308, -1e-308, '99999999999999999999', '-9223372036854775809', '1e3', '0x10', ' 7 ');
  const value = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 2, arbitrary: edge }, { weight: 2, arbitrary: fc.array(entry, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 3 }) });
  const random = fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
  /** A valid request with one or two leaves replaced: gets past the first checks into the deeper ones. */
  const mutated = (template: Record<string, unknown>) => {
    const paths = leafPaths(template);
    return fc
      .array(fc.tuple(fc.constantFrom(...paths), fc.oneof(value, fc.constant(undefined))), { minLength: 1, maxLength: 2 })
      .map((changes) => changes.reduce((body, [path, replacement]) => withLeaf(body, path, replacement), structuredClone(template)));
  };
  const body = (template: Record<string, unknown> | undefined) => (template ? fc.oneof({ weight: 3, arbitrary: mutated(template) }, { weight: 1, arbitrary: random }) : random);
  const segment = fc.oneof(fc.constantFrom(ids.model as string, 'm-00000000000000000000000000000000', 'x', '%2e%2e', 'é', 'a%2Fb'), fc.string({ maxLength: 8 }));
  return { body, segment };
}

type Json = Record<string, unknown>;

function leafPaths(node: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (node === null || typeof node !== 'object') return [prefix];
  const entries = Array.isArray(node) ? node.map((item, index) => [index, item] as const) : Object.entries(node);
  return [prefix, ...entries.flatMap(([key, child]) => leafPaths(child, [...prefix, key]))].filter((path) => path.length > 0);
}

function withLeaf(body: Json, path: Array<string | number>, replacement: unknown): Json {
  let node = body as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    // An earlier change replaced this branch with a scalar: nothing left to change here.
    if (child === null || typeof child !== 'object') return body;
    node = child as Record<string | number, unknown>;
  }
  node[path[path.length - 1] as string | number] = replacement;
  return body;
}

/** Valid requests per endpoint (a fresh experiment and run each), mutated by the fuzzer. */
function templates(experimentId: string, runId: string): Record<string, Json> {
  const now = 1732700000000;
  const dataset = { name: 'wine', digest: 'abc', source_type: 'local', source: '{"uri": "x"}', schema: '{}', profile: '{}' };
  return {
    'experiments/create': { name: `fz-${runId}`, artifact_location: 'mlflow-artifacts:/fz', tags: [{ key: 'k', value: 'v' }] },
    'experiments/get': { experiment_id: experimentId },
    'experiments/get-by-name': { experiment_name: 'fuzz' },
    'experiments/update': { experiment_id: experimentId, new_name: `fz-renamed-${runId}` },
    'experiments/set-experiment-tag': { experiment_id: experimentId, key: 'k', value: 'v' },
    'experiments/search': { experiment_ids: [experimentId], filter: "name LIKE 'fz%'", max_results: 10, order_by: ['name DESC'] },
    'runs/create': { experiment_id: experimentId, start_time: now, run_name: 'r', tags: [{ key: 'mlflow.user', value: 'u' }] },
    'runs/get': { run_id: runId },
    'runs/update': { run_id: runId, status: 'FINISHED', end_time: now, run_name: 'n' },
    'runs/set-tag': { run_id: runId, key: 'k', value: 'v' },
    'runs/log-parameter': { run_id: runId, key: 'p', value: 'v' },
    'runs/log-metric': { run_id: runId, key: 'm', value: 1.5, timestamp: now, step: 3, model_id: 'm-x', dataset_name: 'd', dataset_digest: 'x' },
    'runs/log-batch': {
      run_id: runId,
      metrics: [{ key: 'm', value: 1, timestamp: now, step: 1 }],
      params: [{ key: 'q', value: '1' }],
      tags: [{ key: 't', value: 'v' }],
    },
    'runs/log-model': { run_id: runId, model_json: JSON.stringify({ run_id: runId, artifact_path: 'model', utc_time_created: 'x', flavors: {} }) },
    'runs/log-inputs': { run_id: runId, datasets: [{ dataset, tags: [{ key: 'mlflow.data.context', value: 'training' }] }], models: [{ model_id: ids.model }] },
    'runs/outputs': { run_id: runId, models: [{ model_id: ids.model, step: 0 }] },
    'runs/search': { experiment_ids: [experimentId], filter: "metrics.m > 0 and params.q = '1'", max_results: 10, order_by: ['metrics.m DESC'] },
    'metrics/get-history': { run_id: runId, metric_key: 'm', max_results: 5 },
    'metrics/get-history-bulk-interval': { run_ids: [runId], metric_key: 'm', max_results: 10, start_step: 0, end_step: 10 },
    'registered-models/create': { name: `fz-${runId}`, tags: [{ key: 'k', value: 'v' }], description: 'd' },
    'model-versions/create': { name: 'fuzz', source: `models:/${ids.model}`, model_id: ids.model, run_id: runId },
    'registered-models/alias': { name: 'fuzz', alias: 'champion', version: '1' },
    'logged-models': { experiment_id: experimentId, name: 'm', source_run_id: runId, params: [{ key: 'a', value: '1' }], tags: [{ key: 'b', value: '2' }] },
  };
}

/** Query strings carry text: objects travel as JSON, as a confused client would send them. */
function asQuery(payload: Record<string, unknown>): Record<string, string[]> {
  const text = (item: unknown) => (item !== null && typeof item === 'object' ? JSON.stringify(item) : String(item));
  return Object.fromEntries(Object.entries(payload).map(([key, item]) => [key, (Array.isArray(item) ? item : [item]).map(text)]));
}

describe('fuzzing every MLflow endpoint', () => {
  it('answers random input with 2xx or a JSON 4xx, never a 5xx', { timeout: 120_000 }, async () => {
    const routes = t.app.deps.routeTable.filter((route) => /^\/api\/[23]\.0\/mlflow\//.test(route.url) && route.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(40);
    const { body, segment } = arbitraries();
    let requests = 0;
    // Four routes at a time: the server handles concurrent requests anyway, and the run stays short.
    const fuzzRoute = async (route: (typeof routes)[number]) => {
      const experimentId = (await mlflowCall(t, headers, 'POST', 'experiments/create', { name: `fuzz-${route.method}-${route.url}` })).body.experiment_id;
      const runId = (await mlflowCall(t, headers, 'POST', 'runs/create', { experiment_id: experimentId })).body.run.info.run_id;
      const template = templates(experimentId, runId)[route.url.replace(/^\/api\/[23]\.0\/mlflow\//, '')];
      await fc.assert(
        fc.asyncProperty(body(template), segment, segment, async (payload, first, second) => {
          let n = 0;
          const url = route.url.replace(/:[a-z_]+|\*/g, () => encodeURIComponent(n++ === 0 ? first : second) || 'k');
          const method = route.method as 'GET' | 'POST' | 'PATCH' | 'DELETE';
          const response =
            method === 'GET' && payload && typeof payload === 'object' && !Array.isArray(payload)
              ? await mlflowCall(t, headers, method, url, asQuery(payload as Record<string, unknown>))
              : await t.request({ method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(payload ?? null) });
          requests++;
          if (response.status >= 500) throw new Error(`${method} ${url} ${JSON.stringify(payload)?.slice(0, 500)} → ${response.status} ${JSON.stringify(response.body)}`);
          if (response.status >= 400) expect(response.body).toMatchObject({ error_code: expect.any(String), message: expect.any(String) });
          return true;
        }),
        { numRuns: template ? 45 : 20 },
      );
    };
    for (let start = 0; start < routes.length; start += 4) await Promise.all(routes.slice(start, start + 4).map(fuzzRoute));
    expect(requests).toBeGreaterThan(1500);
  });
});
