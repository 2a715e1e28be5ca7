import type { WeatherSplit } from '../data/weather-data';
import { type Classifier, type SerializedModel, serializeModel, softmaxClassifier, trainForest, trainTree } from './classifier';
import { accuracy, macroF1, votesOfFirst } from './scores';
import { trainSoftmax } from './softmax-regression';
import { type Task, taskMatrix, weatherType, wetDay } from './tasks';

/** One trained run: what the demo logs to MLflow for it. */
export interface TrainedRun {
  experiment: string;
  runName: string;
  /** The task's name (runs cross a worker boundary: plain data only). */
  task: string;
  /** Runs of a sweep are nested under a parent run of this name. */
  parent: string | null;
  params: Record<string, string>;
  /** Per-epoch or per-tree histories. */
  history: Array<{ key: string; value: number; step: number }>;
  metrics: Record<string, number>;
  model: SerializedModel | null;
  trainingMs: number;
}

export const experiments = {
  softmax: 'weather-type-softmax',
  trees: 'weather-type-trees',
  forest: 'weather-type-forest',
  wetDay: 'wet-day',
} as const;

type Untrained = Omit<TrainedRun, 'metrics' | 'model' | 'trainingMs' | 'task'>;

function finish(task: Task, run: Untrained, classifier: Classifier, split: WeatherSplit, started: number): TrainedRun {
  const fit = taskMatrix(task, split.fit);
  const validation = taskMatrix(task, split.validation);
  const predicted = classifier.predict(validation.rows);
  const metrics = {
    train_accuracy: accuracy(classifier.predict(fit.rows), fit.labels),
    val_accuracy: accuracy(predicted, validation.labels),
    val_f1_macro: macroF1(predicted, validation.labels),
  };
  return { ...run, task: task.name, metrics, model: serializeModel(classifier, task.features, task.classes), trainingMs: Date.now() - started };
}

function softmaxRun(task: Task, experiment: string, split: WeatherSplit, learningRate: number, l2: number, epochs: number): TrainedRun {
  const started = Date.now();
  const fit = taskMatrix(task, split.fit);
  const validation = taskMatrix(task, split.validation);
  const history: TrainedRun['history'] = [];
  const model = trainSoftmax(fit.rows, fit.labels, task.classes.length, { epochs, learningRate, l2 }, ({ epoch, loss, model: current }) => {
    history.push({ key: 'train_loss', value: loss, step: epoch });
    // Validation accuracy every fifth epoch: the curve without the cost.
    if (epoch % 5 === 0 || epoch === epochs) history.push({ key: 'val_accuracy', value: accuracy(softmaxClassifier(current).predict(validation.rows), validation.labels), step: epoch });
  });
  const params = { model_type: 'softmax-regression', learning_rate: String(learningRate), l2: String(l2), epochs: String(epochs), features: task.features.join(',') };
  return finish(task, { experiment, runName: `softmax-lr${learningRate}-l2${l2}`, parent: null, params, history }, softmaxClassifier(structuredClone(model)), split, started);
}

function treeRun(task: Task, experiment: string, split: WeatherSplit, maxDepth: number, minNumSamples: number): TrainedRun {
  const started = Date.now();
  const fit = taskMatrix(task, split.fit);
  const tree = trainTree(fit.rows, fit.labels, { maxDepth, minNumSamples });
  const params = { model_type: 'decision-tree', max_depth: String(maxDepth), min_samples: String(minNumSamples), criterion: 'gini', features: task.features.join(',') };
  return finish(task, { experiment, runName: `cart-depth${maxDepth}-min${minNumSamples}`, parent: null, params, history: [] }, tree, split, started);
}

function forestRun(split: WeatherSplit, parent: string, nEstimators: number, maxFeatures: number, maxDepth: number): TrainedRun {
  const started = Date.now();
  const task = weatherType;
  const fit = taskMatrix(task, split.fit);
  const validation = taskMatrix(task, split.validation);
  const forest = trainForest(fit.rows, fit.labels, { nEstimators, maxFeatures, maxDepth, seed: 7 });
  const votes = forest.treeVotes?.(validation.rows) ?? [];
  // Per-tree history: validation accuracy of the first k trees.
  const history = Array.from({ length: nEstimators }, (_, k) => ({ key: 'val_accuracy', value: accuracy(votesOfFirst(votes, k + 1), validation.labels), step: k + 1 }));
  const params = { model_type: 'random-forest', n_estimators: String(nEstimators), max_features: String(maxFeatures), max_depth: String(maxDepth), bootstrap_fraction: '0.5', features: task.features.join(',') };
  return finish(task, { experiment: experiments.forest, runName: `rf-${nEstimators}trees-depth${maxDepth}-mf${maxFeatures}`, parent, params, history }, forest, split, started);
}

/** The whole sweep plan, as one list of thunks so callers can interleave training and logging. */
export function sweepPlan(split: WeatherSplit): Array<() => TrainedRun> {
  const plan: Array<() => TrainedRun> = [];
  for (const learningRate of [0.05, 0.2, 0.5]) for (const l2 of [0, 0.01, 0.1]) plan.push(() => softmaxRun(weatherType, experiments.softmax, split, learningRate, l2, 60));
  for (const maxDepth of [2, 3, 4, 6, 8]) for (const minNumSamples of [3, 12]) plan.push(() => treeRun(weatherType, experiments.trees, split, maxDepth, minNumSamples));
  for (const nEstimators of [6, 12]) for (const maxDepth of [4, 7]) for (const maxFeatures of [0.5, 1]) plan.push(() => forestRun(split, 'rf-sweep', nEstimators, maxFeatures, maxDepth));
  for (const learningRate of [0.1, 0.5]) for (const l2 of [0, 0.05]) plan.push(() => softmaxRun(wetDay, experiments.wetDay, split, learningRate, l2, 40));
  for (const maxDepth of [3, 5]) plan.push(() => treeRun(wetDay, experiments.wetDay, split, maxDepth, 10));
  return plan;
}

/** The smallest plan that still yields every kind of model (for the integration test). */
export function smallPlan(split: WeatherSplit): Array<() => TrainedRun> {
  return [
    () => softmaxRun(weatherType, experiments.softmax, split, 0.5, 0, 10),
    () => treeRun(weatherType, experiments.trees, split, 3, 12),
    () => forestRun(split, 'rf-sweep', 3, 1, 3),
    () => forestRun(split, 'rf-sweep', 4, 1, 4),
    () => softmaxRun(wetDay, experiments.wetDay, split, 0.5, 0, 10),
    () => softmaxRun(wetDay, experiments.wetDay, split, 0.1, 0, 10),
    () => treeRun(wetDay, experiments.wetDay, split, 3, 10),
  ];
}
