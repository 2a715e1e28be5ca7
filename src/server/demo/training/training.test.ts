import { describe, expect, it } from 'vitest';
import { loadWeather, splitWeather } from '../data/weather-data';
import { loadModel, serializeModel, softmaxClassifier, trainForest } from './classifier';
import { accuracy, macroF1, votesOfFirst } from './scores';
import { trainSoftmax } from './softmax-regression';
import { taskMatrix, weatherType, wetDay } from './tasks';

const split = splitWeather(loadWeather());

describe('demo training', () => {
  it('softmax regression lowers its loss epoch after epoch and beats the majority class', () => {
    const fit = taskMatrix(wetDay, split.fit);
    const losses: number[] = [];
    const model = trainSoftmax(fit.rows, fit.labels, 2, { epochs: 30, learningRate: 0.5, l2: 0 }, ({ loss }) => losses.push(loss));
    expect(losses).toHaveLength(30);
    expect(losses.at(-1)!).toBeLessThan(losses[0]!);
    const validation = taskMatrix(wetDay, split.validation);
    const majority = Math.max(...[0, 1].map((c) => validation.labels.filter((l) => l === c).length)) / validation.labels.length;
    expect(accuracy(softmaxClassifier(model).predict(validation.rows), validation.labels)).toBeGreaterThan(majority);
  });

  it('a random forest survives serialization and gives per-tree votes', () => {
    const fit = taskMatrix(weatherType, split.fit);
    const forest = trainForest(fit.rows, fit.labels, { nEstimators: 3, maxFeatures: 1, maxDepth: 3, seed: 1 });
    const rows = taskMatrix(weatherType, split.validation.slice(0, 20)).rows;
    const restored = loadModel(JSON.parse(JSON.stringify(serializeModel(forest, weatherType.features, weatherType.classes))));
    expect(restored.predict(rows)).toEqual(forest.predict(rows));
    const votes = forest.treeVotes!(rows);
    expect(votes[0]).toHaveLength(3);
    expect(votesOfFirst(votes, 3)).toEqual(forest.predict(rows));
  });

  it('scores: accuracy, macro F1 and first-k votes', () => {
    expect(accuracy([0, 1, 1, 0], [0, 1, 0, 0])).toBe(0.75);
    expect(macroF1([0, 0], [0, 0])).toBe(1);
    expect(macroF1([1, 1], [0, 0])).toBe(0);
    expect(votesOfFirst([[2, 1, 1]], 1)).toEqual([2]);
    expect(votesOfFirst([[2, 1, 1]], 3)).toEqual([1]);
  });
});
