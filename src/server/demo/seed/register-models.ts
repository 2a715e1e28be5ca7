import type { ApiClient } from '../http/api-client';
import { createModelVersion, createRegisteredModel } from '../http/mlflow-client';
import { weatherType, wetDay } from '../training/tasks';
import type { LoggedRun } from './log-runs';

export interface RegisteredVersion {
  model: string;
  version: number;
  logged: LoggedRun;
}

const byAccuracy = (a: LoggedRun, b: LoggedRun) => (b.run.metrics.val_accuracy ?? 0) - (a.run.metrics.val_accuracy ?? 0);

function pick(runs: LoggedRun[], task: string, filter: (run: LoggedRun) => boolean, rank = 0): LoggedRun {
  const found = runs.filter((r) => r.run.task === task && filter(r)).sort(byAccuracy)[rank];
  if (!found) throw new Error(`The sweep produced no run for ${task}`);
  return found;
}

const type = (kind: string) => (r: LoggedRun) => r.run.params.model_type === kind;
const trees = (n: number) => (r: LoggedRun) => type('random-forest')(r) && Number(r.run.params.n_estimators) === n;
const percent = (value: number | undefined) => `${((value ?? 0) * 100).toFixed(1)} %`;

/** Which sweep run becomes which version, in registration order. */
function releases(runs: LoggedRun[]) {
  const largest = Math.max(...runs.filter(type('random-forest')).map((r) => Number(r.run.params.n_estimators)));
  const smallest = Math.min(...runs.filter(type('random-forest')).map((r) => Number(r.run.params.n_estimators)));
  return [
    { logged: pick(runs, weatherType.name, type('softmax-regression')), note: 'Baseline: softmax regression on the four daily measurements.' },
    { logged: pick(runs, weatherType.name, type('decision-tree')), note: 'A single CART tree: readable splits on precipitation and temperature.' },
    { logged: pick(runs, weatherType.name, trees(smallest)), note: 'Random forest, small: bagged trees, less sensitive to one season than a single tree.' },
    { logged: pick(runs, weatherType.name, trees(largest)), note: 'Random forest with twice the trees: steadier votes, slower to serve.' },
    { logged: pick(runs, wetDay.name, type('softmax-regression')), note: 'Logistic baseline on temperatures and wind.' },
    { logged: pick(runs, wetDay.name, type('decision-tree')), note: 'CART tree: picks up cold, windy wet days.' },
    { logged: pick(runs, wetDay.name, type('softmax-regression'), 1), note: 'Logistic regression retrained with a different learning rate.' },
  ];
}

/** Registers the models and their versions as the data scientist, through the MLflow registry API. */
export async function registerModels(http: ApiClient, runs: LoggedRun[]): Promise<RegisteredVersion[]> {
  for (const task of [weatherType, wetDay]) {
    await createRegisteredModel(http, task.name, task.description, { team: 'forecasting', task: 'classification', data: 'seattle-weather', owner: 'dana' });
  }
  const registered: RegisteredVersion[] = [];
  // One at a time: version numbers follow registration order.
  for (const { logged, note } of releases(runs)) {
    const { run } = logged;
    const version = await createModelVersion(http, {
      name: run.task,
      source: `models:/${logged.modelId}`,
      runId: logged.runId,
      modelId: logged.modelId,
      description: `${note} Validation accuracy ${percent(run.metrics.val_accuracy)} on 2014 (macro F1 ${run.metrics.val_f1_macro?.toFixed(3)}).`,
      tags: { model_card: `docs/models/${run.task}.md`, validated_by: 'alice', framework: run.params.model_type ?? '', trained_on: '2012-2013' },
    });
    registered.push({ model: run.task, version, logged });
  }
  return registered;
}
