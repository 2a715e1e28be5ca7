import type { Cell } from './cell-value';
import type { TaskType } from './reference-profile';

/**
 * Mergeable performance accumulators from labelled predictions: a confusion summary per class
 * for classification (accuracy, macro F1) and error sums for regression (MAE, RMSE).
 */
export interface PerformanceAcc {
  n: number;
  correct: number;
  absErr: number;
  sqErr: number;
  /** Per class: [true positives, false positives, false negatives]. */
  classes: Record<string, [number, number, number]>;
}

const maxClasses = 100;

export function emptyPerformance(): PerformanceAcc {
  return { n: 0, correct: 0, absErr: 0, sqErr: 0, classes: {} };
}

const classOf = (cell: NonNullable<Cell>) => (cell.num !== null ? String(cell.num) : cell.str);

/** Adds one (prediction, label) pair; returns false when it cannot be scored. */
export function addLabelled(acc: PerformanceAcc, taskType: TaskType, prediction: NonNullable<Cell>, label: NonNullable<Cell>): boolean {
  if (taskType === 'regression') {
    if (prediction.num === null || label.num === null) return false;
    const error = prediction.num - label.num;
    acc.n += 1;
    acc.absErr += Math.abs(error);
    acc.sqErr += error * error;
    return true;
  }
  const predicted = classOf(prediction);
  const actual = classOf(label);
  acc.n += 1;
  if (predicted === actual) {
    acc.correct += 1;
    bump(acc, predicted, 0);
  } else {
    bump(acc, predicted, 1);
    bump(acc, actual, 2);
  }
  return true;
}

function bump(acc: PerformanceAcc, name: string, slot: 0 | 1 | 2) {
  let counts = acc.classes[name];
  if (!counts) {
    if (Object.keys(acc.classes).length >= maxClasses) return;
    counts = acc.classes[name] = [0, 0, 0];
  }
  counts[slot] += 1;
}

export function mergePerformance(a: PerformanceAcc, b: PerformanceAcc): PerformanceAcc {
  const out: PerformanceAcc = { n: a.n + b.n, correct: a.correct + b.correct, absErr: a.absErr + b.absErr, sqErr: a.sqErr + b.sqErr, classes: {} };
  for (const source of [a, b]) {
    for (const [name, counts] of Object.entries(source.classes)) {
      const target = (out.classes[name] ??= [0, 0, 0]);
      target[0] += counts[0];
      target[1] += counts[1];
      target[2] += counts[2];
    }
  }
  return out;
}

export const metricsOf = (taskType: TaskType) => (taskType === 'classification' ? ['accuracy', 'f1'] : ['mae', 'rmse']);

export function performanceMetrics(acc: PerformanceAcc, taskType: TaskType): Record<string, number> {
  if (acc.n === 0) return {};
  if (taskType === 'regression') return { mae: acc.absErr / acc.n, rmse: Math.sqrt(acc.sqErr / acc.n) };
  const f1s = Object.values(acc.classes).map(([tp, fp, fn]) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)));
  return { accuracy: acc.correct / acc.n, f1: f1s.length ? f1s.reduce((s, v) => s + v, 0) / f1s.length : 0 };
}
