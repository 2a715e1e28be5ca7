import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetPage, LineageGraph } from '../../../shared/contract/lineage';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { seedDeployment, seedExperiment, seedLoggedModel, seedModel, seedRun, seedVersion } from '../../testing/lineage-fixtures';

let t: TestApp;
let viewer: Record<string, string>;
const ids: Record<string, string> = {};
const model = 'risk/churn ✓';

beforeAll(async () => {
  t = await buildTestApp();
  viewer = (await t.userWithRole('viewer')).headers;
  const db = t.database.handle.db;
  const experimentId = await seedExperiment(db);
  ids.parent = await seedRun(db, { experimentId, name: 'sweep', commit: 'abc1234def' });
  ids.r1 = await seedRun(db, {
    experimentId,
    name: 'trial-1',
    parentRunId: ids.parent,
    commit: 'abc1234def',
    datasets: [{ name: 'customers', digest: 'dtrain', context: 'training' }, { name: 'holdout', digest: 'deval', context: 'evaluation' }],
  });
  ids.r2 = await seedRun(db, { experimentId, name: 'trial-2', datasets: [{ name: 'customers', digest: 'dtrain', context: 'training' }] });
  ids.m1 = await seedLoggedModel(db, ids.r1, experimentId);
  await seedModel(db, model);
  await seedVersion(db, { name: model, version: 1, runId: ids.r1, modelId: ids.m1 });
  await seedVersion(db, { name: model, version: 2, runId: ids.r2 });
  await seedVersion(db, { name: model, version: 3, runId: ids.r2, deleted: true });
  ids.production = String(await seedDeployment(db, { model, environment: 'production', stable: 2, served: [1] }));
  ids.staging = String(await seedDeployment(db, { model, environment: 'staging', stable: 1, canary: 2, weight: 10 }));
});
afterAll(() => t.close());

const lineage = async (query: Record<string, string>) => {
  const response = await t.request<LineageGraph>({ method: 'GET', url: `/api/v1/lineage?${new URLSearchParams(query)}`, headers: viewer });
  return response;
};
const edgeList = (graph: LineageGraph) => {
  const label = new Map(graph.nodes.map((node) => [node.id, node.label]));
  return graph.edges.map((edge) => `${label.get(edge.source)} -${edge.kind}${edge.label ? `(${edge.label})` : ''}-> ${label.get(edge.target)}`).sort();
};

describe('lineage graph', () => {
  it('traces a version up to its datasets, parent run and commit, and down to deployments and monitoring', async () => {
    const { status, body } = await lineage({ kind: 'model-version', id: model, version: '1' });
    expect(status).toBe(200);
    expect(body.root).toBe(`model-version:1:${model}`);
    expect(edgeList(body)).toEqual(
      [
        `${model} v1 -version-> ${model}`,
        'model -registered-> risk/churn ✓ v1',
        'trial-1 -output-> model',
        'customers -input(training)-> trial-1',
        'holdout -input(evaluation)-> trial-1',
        'sweep -parent-> trial-1',
        'abc1234def -commit-> trial-1',
        'abc1234def -commit-> sweep',
        `${model} v1 -served-> production`,
        `${model} v1 -serves(stable)-> staging`,
        'production -monitors-> Monitoring',
        'staging -monitors-> Monitoring',
      ].sort(),
    );
    const run = body.nodes.find((node) => node.kind === 'run' && node.label === 'trial-1');
    expect(run?.ref).toEqual({ kind: 'run', runId: ids.r1 });
    // Every edge joins two nodes of the graph, and node ids are unique.
    const nodeIds = new Set(body.nodes.map((node) => node.id));
    expect(nodeIds.size).toBe(body.nodes.length);
    expect(body.edges.every((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target))).toBe(true);
  });

  it('honours the depth limit and the direction', async () => {
    const up1 = (await lineage({ kind: 'model-version', id: model, version: '1', depth: '1', direction: 'up' })).body;
    expect(up1.nodes.map((node) => node.kind).sort()).toEqual(['logged-model', 'model', 'model-version']);
    const down = (await lineage({ kind: 'model-version', id: model, version: '2', direction: 'down' })).body;
    expect(edgeList(down)).toContain(`${model} v2 -serves(canary 10 %)-> staging`);
    expect(down.nodes.some((node) => node.kind === 'run')).toBe(false);
  });

  it('follows a dataset downstream to runs, versions (deleted ones marked) and deployments', async () => {
    const { body } = await lineage({ kind: 'dataset', id: 'dtrain', direction: 'down', depth: '3' });
    const versions = body.nodes.filter((node) => node.kind === 'model-version').map((node) => [node.label, node.deleted]);
    expect(versions.sort()).toEqual([[`${model} v1`, false], [`${model} v2`, false], [`${model} v3`, true]]);
    expect(edgeList(body)).toContain(`trial-2 -registered-> ${model} v2`);
    expect(body.nodes.filter((node) => node.kind === 'deployment').map((node) => node.label).sort()).toEqual(['production', 'staging']);
    expect(body.nodes.some((node) => node.kind === 'monitoring')).toBe(false);
    const shallow = (await lineage({ kind: 'dataset', id: 'dtrain', direction: 'down', depth: '1' })).body;
    expect(shallow.nodes.map((node) => node.label).sort()).toEqual(['customers', 'trial-1', 'trial-2']);
  });

  it("shows a model's versions and goes on from them in both directions", async () => {
    const { body } = await lineage({ kind: 'model', id: model, depth: '4' });
    expect(body.nodes.filter((node) => node.kind === 'model-version')).toHaveLength(3);
    expect(body.nodes.filter((node) => node.kind === 'dataset').map((node) => node.label).sort()).toEqual(['customers', 'holdout']);
    expect(body.nodes.filter((node) => node.kind === 'deployment')).toHaveLength(2);
    expect(body.omittedVersions).toBe(0);
    // The newest versions only, with the rest counted.
    const newest = (await lineage({ kind: 'model', id: model, versions: '1' })).body;
    expect(newest.nodes.filter((node) => node.kind === 'model-version').map((node) => node.label)).toEqual([`${model} v3`]);
    expect(newest.omittedVersions).toBe(2);
  });

  it('goes from a parent run down to its children', async () => {
    const { body } = await lineage({ kind: 'run', id: ids.parent ?? '', direction: 'down', depth: '2' });
    expect(edgeList(body)).toEqual(['sweep -parent-> trial-1', 'trial-1 -output-> model']);
  });

  it('answers 404 for unknown roots and 400 for bad queries', async () => {
    expect((await lineage({ kind: 'model', id: 'nope' })).status).toBe(404);
    expect((await lineage({ kind: 'model-version', id: model, version: '9' })).status).toBe(404);
    expect((await lineage({ kind: 'run', id: 'nope' })).status).toBe(404);
    expect((await lineage({ kind: 'dataset', id: 'nope' })).status).toBe(404);
    expect((await lineage({ kind: 'model', id: model, depth: '99' })).status).toBe(400);
    expect((await lineage({ kind: 'table', id: model })).status).toBe(400);
  });
});

describe('dataset page', () => {
  it('lists the runs that used a digest and the versions made from them', async () => {
    const response = await t.request<DatasetPage>({ method: 'GET', url: '/api/v1/datasets/dtrain', headers: viewer });
    expect(response.body.entries).toMatchObject([{ name: 'customers', sourceType: 'local' }]);
    expect(response.body.runs.map((run) => [run.runName, run.context]).sort()).toEqual([['trial-1', 'training'], ['trial-2', 'training']]);
    expect(response.body.versions.map((v) => [v.version, v.deleted])).toEqual([[3, true], [2, false], [1, false]]);
    expect((await t.request({ method: 'GET', url: '/api/v1/datasets/unknown', headers: viewer })).status).toBe(404);
  });
});
