import { expect, test } from '@playwright/test';
import { mlflowClient } from './support/mlflow-client';
import { adminPassword, signIn, watchConsole } from './support/session';

const shot = (name: string) => `e2e/screenshots/runs-${name}.png`;

test('runs: filter and sort, choose columns, open a run, preview an artifact, compare three runs', async ({ page, request }) => {
  const problems = watchConsole(page);
  const mlflow = mlflowClient(request);
  const experimentId = await mlflow.createExperiment('runs-journey');
  const curve = (base: number, n = 60) => Array.from({ length: n }, (_, i) => base + 1 / (i + 1));
  const runs: Record<string, string> = {};
  const specs = [
    { name: 'gbm-deep', params: { model: 'gbm', depth: '8', lr: '0.1' }, metrics: { rmse: curve(0.3), acc: [0.91] } },
    { name: 'gbm-shallow', params: { model: 'gbm', depth: '3', lr: '0.1' }, metrics: { rmse: curve(0.5), acc: [0.88] } },
    { name: 'gbm-fast', params: { model: 'gbm', depth: '3', lr: '0.3' }, metrics: { rmse: [...curve(0.4, 30), Number.NaN, ...curve(0.4, 29)], acc: [0.9] } },
    { name: 'logreg', params: { model: 'lr', depth: '0', lr: '0.01' }, metrics: { rmse: curve(0.7), acc: [0.8] } },
  ];
  for (const spec of specs) runs[spec.name] = await mlflow.logRun(experimentId, { ...spec, tags: { 'mlflow.source.name': 'train.py', 'mlflow.source.git.commit': 'a1b2c3d4e5' } });
  await mlflow.logRun(experimentId, { name: 'gbm-deep-fold-1', params: { model: 'gbm', depth: '8', lr: '0.1' }, metrics: { rmse: [0.35] }, tags: { 'mlflow.parentRunId': runs['gbm-deep']! } });
  await mlflow.uploadArtifact(experimentId, runs['gbm-deep']!, 'eval/metrics.json', JSON.stringify({ rmse: 0.31, folds: [0.3, 0.32] }));
  await mlflow.uploadArtifact(experimentId, runs['gbm-deep']!, 'eval/predictions.csv', 'id,y,pred\n1,0,0.1\n2,1,0.8\n');
  await mlflow.uploadArtifact(experimentId, runs['gbm-deep']!, 'notes.txt', 'Trained on the March snapshot.');

  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, 'admin', adminPassword);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
  await page.getByRole('link', { name: 'runs-journey' }).click();
  await expect(page.getByRole('link', { name: 'gbm-deep', exact: true })).toBeVisible();
  // The child run sits right under its parent.
  const names = page.locator('tbody tr[data-loaded="true"] td:nth-child(3) a');
  await expect(names).toHaveCount(5);
  const order = await names.allTextContents();
  expect(order.indexOf('gbm-deep-fold-1')).toBe(order.indexOf('gbm-deep') + 1);

  // Choose columns.
  await page.getByRole('button', { name: /Columns/ }).click();
  const chooser = page.getByRole('dialog', { name: 'Choose columns' });
  // Controlled by the URL: the box turns checked once the navigation lands.
  await chooser.getByRole('checkbox', { name: 'rmse' }).click();
  await expect(chooser.getByRole('checkbox', { name: 'rmse' })).toBeChecked();
  await chooser.getByRole('checkbox', { name: 'model' }).click();
  await expect(chooser.getByRole('checkbox', { name: 'model' })).toBeChecked();
  await chooser.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('columnheader', { name: 'rmse' })).toBeVisible();

  // A bad filter is shown at its token and the table keeps its rows.
  const filter = page.getByRole('combobox', { name: 'Filter runs' });
  await filter.fill("params.model = 'gbm' and metrics.rmse ~ 1");
  await page.getByRole('button', { name: 'Apply' }).click();
  const error = page.getByRole('alert', { name: 'Filter error' });
  await expect(error).toContainText('~');
  await expect(page.getByRole('link', { name: 'logreg' })).toBeVisible();
  await page.screenshot({ path: shot('filter-error') });

  // Filter and sort.
  await filter.fill("params.model = 'gbm'");
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('link', { name: 'logreg' })).toHaveCount(0);
  await page.getByRole('columnheader', { name: 'rmse' }).getByRole('button').click();
  await page.getByRole('columnheader', { name: 'rmse' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'rmse' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(names.first()).toHaveText('gbm-deep');
  expect(page.url()).toContain('order=metrics.rmse+ASC');
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'rmse' })).toHaveAttribute('aria-sort', 'ascending');
  await page.screenshot({ path: shot('table') });

  // Open a run and preview an artifact.
  await page.getByRole('link', { name: 'gbm-deep', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'gbm-deep' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Parameters' })).toContainText('depth');
  await expect(page.getByText('gbm-deep-fold-1')).toBeVisible();
  await page.screenshot({ path: shot('run-overview'), fullPage: true });
  await page.getByRole('tab', { name: 'Metric charts' }).click();
  await expect(page.getByRole('figure', { name: 'rmse by step' })).toBeVisible();
  await page.screenshot({ path: shot('run-charts'), fullPage: true });
  await page.getByRole('tab', { name: 'Artifacts' }).click();
  await page.getByRole('navigation', { name: 'Artifacts' }).getByRole('button', { name: 'eval' }).click();
  await page.getByRole('navigation', { name: 'Artifacts' }).getByRole('button', { name: 'metrics.json' }).click();
  await expect(page.getByRole('region', { name: 'Preview of eval/metrics.json' })).toContainText('"folds"');
  await page.screenshot({ path: shot('artifact'), fullPage: true });
  await page.getByRole('navigation', { name: 'Artifacts' }).getByRole('button', { name: 'predictions.csv' }).click();
  await expect(page.getByRole('table', { name: 'First rows of eval/predictions.csv' })).toContainText('pred');

  // Select three runs and compare them with differences only.
  // Tabs and artifact paths replace the history entry: one step back is the table, as it was left.
  await page.goBack();
  await expect(page.getByRole('columnheader', { name: 'rmse' })).toBeVisible();
  for (const name of ['gbm-deep', 'gbm-shallow', 'gbm-fast']) {
    await page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).click();
    await expect(page.getByRole('checkbox', { name: `Select ${name}`, exact: true })).toBeChecked();
  }
  await page.getByRole('link', { name: 'Compare 3 runs' }).click();
  await expect(page.getByRole('heading', { name: 'Compare 3 runs' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show differences only' }).click();
  await expect(page.getByRole('checkbox', { name: 'Show differences only' })).toBeChecked();
  const params = page.getByRole('table', { name: 'Parameters' });
  await expect(params.getByRole('rowheader', { name: 'depth' })).toBeVisible();
  await expect(params.getByRole('rowheader', { name: 'model' })).toHaveCount(0);
  await expect(page.getByRole('figure', { name: 'rmse by step' })).toBeVisible();
  await expect(page.getByRole('note').first()).toContainText('not drawn');
  await page.screenshot({ path: shot('compare'), fullPage: true });
  // The one 400 is the bad filter this journey sends on purpose.
  expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
});
