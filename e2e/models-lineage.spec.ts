import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { adminPassword, signIn, watchConsole } from './support/session';

const admin = { authorization: `Basic ${Buffer.from(`admin:${adminPassword}`).toString('base64')}` };
// A name with a slash, a space and non-ASCII letters: it must survive every URL on the way.
const model = 'risk/churn modèle';

async function mlflow(request: APIRequestContext, path: string, data: unknown) {
  const response = await request.post(`/api/2.0/mlflow/${path}`, { headers: admin, data });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return response.json();
}

async function putArtifact(request: APIRequestContext, path: string, body: string) {
  const response = await request.put(`/api/2.0/mlflow-artifacts/artifacts/${path}`, { headers: admin, data: body });
  expect(response.ok(), `PUT ${path}: ${await response.text()}`).toBe(true);
}

const mlmodel = (runId: string, extra: string) => `artifact_path: model
flavors:
  python_function: {loader_module: mlflow.sklearn, python_version: 3.11.9}
  sklearn: {pickled_model: model.pkl, sklearn_version: 1.5.1}
mlflow_version: 3.1.0
model_size_bytes: 48213
run_id: ${runId}
saved_input_example_info: {artifact_path: input_example.json, type: dataframe, pandas_orient: split}
signature:
  inputs: '[{"type": "double", "name": "tenure", "required": true}, {"type": "string", "name": "plan", "required": ${extra === 'v2' ? 'false' : 'true'}}]'
  outputs: '[{"type": "long", "required": true}]'
`;

/** A run with params, a metric, a git commit and its datasets, all through the MLflow API. */
async function trainingRun(request: APIRequestContext, experimentId: string, name: string, auc: number, datasets: Array<{ name: string; digest: string; context: string }>) {
  const { run } = await mlflow(request, 'runs/create', { experiment_id: experimentId, run_name: name, start_time: Date.now() });
  const runId = run.info.run_id as string;
  await mlflow(request, 'runs/log-batch', {
    run_id: runId,
    metrics: [{ key: 'auc', value: auc, timestamp: Date.now(), step: 0 }, { key: 'f1', value: auc - 0.1, timestamp: Date.now(), step: 0 }],
    params: [{ key: 'max_depth', value: name === 'train-gbm' ? '4' : '6' }],
    tags: [{ key: 'mlflow.source.git.commit', value: '9f1c2ab7e3d4c5b6a7980112233445566778899a' }],
  });
  await mlflow(request, 'runs/log-inputs', {
    run_id: runId,
    datasets: datasets.map((d) => ({
      tags: [{ key: 'mlflow.data.context', value: d.context }],
      dataset: { name: d.name, digest: d.digest, source_type: 'local', source: JSON.stringify({ uri: `s3://data/${d.name}.parquet` }) },
    })),
  });
  await mlflow(request, 'runs/update', { run_id: runId, status: 'FINISHED', end_time: Date.now() });
  return { runId, artifactUri: run.info.artifact_uri as string };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/models-${name}.png`, fullPage: true });
}

test('registers two versions from two runs with datasets, compares them and follows a version’s lineage to its run and dataset', async ({ page, request }) => {
  test.setTimeout(150_000);
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1400, height: 1600 });

  // --- Two runs and two versions through the MLflow API ----------------------------------------
  const { experiment_id: experimentId } = await mlflow(request, 'experiments/create', { name: 'churn-e2e' });
  const first = await trainingRun(request, experimentId, 'train-gbm', 0.84, [
    { name: 'customers', digest: 'c0ffee01', context: 'training' },
    { name: 'holdout', digest: 'feed0002', context: 'evaluation' },
  ]);
  const second = await trainingRun(request, experimentId, 'train-xgb', 0.87, [
    { name: 'customers', digest: 'c0ffee01', context: 'training' },
    { name: 'holdout', digest: 'feed0002', context: 'evaluation' },
  ]);
  await mlflow(request, 'registered-models/create', { name: model, description: 'Predicts **churn** within 30 days.' });
  for (const [index, run] of [first, second].entries()) {
    const storePath = run.artifactUri.replace(/^mlflow-artifacts:\//, '');
    await putArtifact(request, `${storePath}/model/MLmodel`, mlmodel(run.runId, `v${index + 1}`));
    await mlflow(request, 'model-versions/create', { name: model, source: `runs:/${run.runId}/model`, run_id: run.runId });
  }
  await mlflow(request, 'registered-models/alias', { name: model, alias: 'champion', version: '2' });

  // --- The model page: versions, then a side-by-side comparison -------------------------------
  await signIn(page, 'admin', adminPassword);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models' }).click();
  await page.getByRole('link', { name: model }).click();
  await expect(page).toHaveURL(`/models/${encodeURIComponent(model)}`);
  await expect(page.getByRole('heading', { name: model, level: 1 })).toBeVisible();
  const versions = page.getByRole('table').filter({ has: page.getByRole('checkbox', { name: 'Compare version 1' }) });
  await expect(versions.getByRole('link', { name: 'train-xgb' })).toBeVisible();
  await expect(versions.getByRole('row').filter({ hasText: 'train-gbm' })).toContainText('0.84');
  await shot(page, 'model');
  await page.getByRole('checkbox', { name: 'Compare version 1' }).check();
  await page.getByRole('checkbox', { name: 'Compare version 2' }).check();
  await page.getByRole('button', { name: 'Compare v1 and v2' }).click();
  const compare = page.getByRole('region', { name: 'Compare v1 and v2' });
  await expect(compare.getByRole('row', { name: /auc/ })).toContainText('0.87');
  await expect(compare.getByRole('row', { name: /max_depth/ })).toHaveAttribute('data-differs', 'true');
  await expect(compare.getByRole('row', { name: /^plan/ })).toContainText('string (optional)');
  await compare.scrollIntoViewIfNeeded();
  await shot(page, 'compare');

  // --- A version's page and its lineage graph --------------------------------------------------
  await versions.getByRole('link', { name: 'v2' }).click();
  await expect(page.getByRole('heading', { name: `${model} v2`, level: 1 })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'tenure' })).toBeVisible();
  const lineage = page.getByRole('region', { name: 'Lineage' });
  const runNode = lineage.getByRole('link', { name: 'Run train-xgb' });
  await expect(runNode).toBeVisible();
  await expect(lineage.getByRole('link', { name: 'Dataset customers' })).toBeVisible();
  await expect(lineage.getByText('9f1c2ab7e3')).toBeVisible();
  // Selecting the dataset lights the path from the version to it.
  await lineage.getByTestId('lineage-node-dataset').first().click({ position: { x: 10, y: 10 } });
  await lineage.scrollIntoViewIfNeeded();
  await shot(page, 'version');
  // The list view for keyboards and screen readers.
  await lineage.getByRole('button', { name: 'Show as list' }).click();
  await expect(lineage.getByRole('region', { name: 'datasets (2)' })).toContainText('holdout');
  await lineage.getByRole('button', { name: 'Show as graph' }).click();

  // --- Follow the graph to the run, then to the dataset page ------------------------------------
  await lineage.getByRole('link', { name: 'Run train-xgb' }).click();
  await expect(page).toHaveURL(`/runs/${second.runId}`);
  await page.goBack();
  await page.getByRole('region', { name: 'Lineage' }).getByRole('link', { name: 'Dataset customers' }).click();
  await expect(page).toHaveURL('/datasets/c0ffee01');
  await expect(page.getByRole('heading', { name: 'Dataset customers', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: `${model} v1`, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: `${model} v2`, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'train-gbm' }).first()).toBeVisible();
  await shot(page, 'dataset');

  // --- Unknown names get a not-found page --------------------------------------------------------
  await page.goto(`/models/${encodeURIComponent('no such/model')}`);
  await expect(page.getByText('Model not found')).toBeVisible();
  await page.goto(`/models/${encodeURIComponent(model)}/versions/99`);
  await expect(page.getByText('Version not found')).toBeVisible();
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});
