import { DecisionTreeClassifier } from 'ml-cart';
import { RandomForestClassifier } from 'ml-random-forest';
import { type SoftmaxModel, softmaxProbabilities } from './softmax-regression';

/**
 * The serialized model the demo uploads as `model.json` next to its MLmodel, and the one interface
 * the trainer and the traffic simulator predict through.
 */
export type ModelKind = 'softmax-regression' | 'decision-tree' | 'random-forest';

export interface SerializedModel {
  format: 'sextant-demo-model/1';
  kind: ModelKind;
  features: string[];
  classes: string[];
  model: unknown;
}

export interface Classifier {
  kind: ModelKind;
  predict(rows: number[][]): number[];
  /** Per-tree votes (random forests), for per-tree metric histories. */
  treeVotes?(rows: number[][]): number[][];
  toJSON(): unknown;
}

/** ml-random-forest's typings miss `load`, `maxSamples` and `predictionValues`; the members used. */
interface ForestInstance {
  train(rows: number[][], labels: number[]): void;
  predict(rows: number[][]): number[];
  predictionValues(rows: number[][]): { rows: number; getRow(i: number): number[] };
  toJSON(): unknown;
}
const Forest = RandomForestClassifier as unknown as { new (options: object): ForestInstance; load(model: unknown): ForestInstance };

export function argmax(values: number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > (values[best] ?? -Infinity)) best = i;
  });
  return best;
}

export function softmaxClassifier(model: SoftmaxModel): Classifier {
  return { kind: 'softmax-regression', predict: (rows) => rows.map((r) => argmax(softmaxProbabilities(model, r))), toJSON: () => model };
}

export function treeClassifier(tree: DecisionTreeClassifier): Classifier {
  return { kind: 'decision-tree', predict: (rows) => tree.predict(rows), toJSON: () => tree.toJSON() };
}

function forestClassifier(forest: ForestInstance): Classifier {
  return {
    kind: 'random-forest',
    predict: (rows) => forest.predict(rows),
    treeVotes: (rows) => {
      const values = forest.predictionValues(rows);
      return Array.from({ length: values.rows }, (_, i) => values.getRow(i));
    },
    toJSON: () => forest.toJSON(),
  };
}

export function trainTree(rows: number[][], labels: number[], options: { maxDepth: number; minNumSamples: number }): Classifier {
  const tree = new DecisionTreeClassifier({ gainFunction: 'gini', ...options });
  tree.train(rows, labels);
  return treeClassifier(tree);
}

export function trainForest(
  rows: number[][],
  labels: number[],
  options: { nEstimators: number; maxFeatures: number; maxDepth: number; seed: number },
): Classifier {
  // Bagging half the rows keeps a tree at a few tens of milliseconds (ml-cart scans every value).
  const forest = new Forest({ nEstimators: options.nEstimators, maxFeatures: options.maxFeatures, seed: options.seed, maxSamples: 0.5, replacement: true, useSampleBagging: true, noOOB: true, treeOptions: { maxDepth: options.maxDepth } });
  forest.train(rows, labels);
  return forestClassifier(forest);
}

export function serializeModel(classifier: Classifier, features: readonly string[], classes: readonly string[]): SerializedModel {
  // Through JSON text: mljs models hold Matrix instances that only their JSON form restores.
  const model: unknown = JSON.parse(JSON.stringify(classifier.toJSON()));
  return { format: 'sextant-demo-model/1', kind: classifier.kind, features: [...features], classes: [...classes], model };
}

export function loadModel(serialized: SerializedModel): Classifier {
  if (serialized.format !== 'sextant-demo-model/1') throw new Error(`Unknown model format ${String(serialized.format)}`);
  switch (serialized.kind) {
    case 'softmax-regression':
      return softmaxClassifier(serialized.model as SoftmaxModel);
    case 'decision-tree':
      return treeClassifier(DecisionTreeClassifier.load(serialized.model as object));
    case 'random-forest':
      return forestClassifier(Forest.load(serialized.model));
    default:
      throw new Error(`Unknown model kind ${String(serialized.kind)}`);
  }
}
