/**
 * Multinomial logistic regression by full-batch gradient descent on standardized features, with
 * an L2 penalty. Written here (rather than ml-logistic-regression's one-vs-rest) because the demo
 * logs a loss and accuracy for every epoch.
 */
export interface SoftmaxModel {
  kind: 'softmax-regression';
  classes: number;
  mean: number[];
  std: number[];
  /** classes × (features + 1), the bias last. */
  weights: number[][];
}

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  l2: number;
}

export interface EpochReport {
  epoch: number;
  loss: number;
  model: SoftmaxModel;
}

function standardizer(rows: number[][]) {
  const d = rows[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / rows.length);
  const std = mean.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + ((r[j] ?? 0) - m) ** 2, 0) / rows.length) || 1);
  return { mean, std };
}

export function softmaxProbabilities(model: SoftmaxModel, row: number[]): number[] {
  const x = row.map((v, j) => (v - (model.mean[j] ?? 0)) / (model.std[j] ?? 1));
  const scores = model.weights.map((w) => x.reduce((s, v, j) => s + v * (w[j] ?? 0), w[x.length] ?? 0));
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Trains for `epochs` epochs, calling `onEpoch` after each (for metric histories). */
export function trainSoftmax(rows: number[][], labels: number[], classes: number, options: SoftmaxOptions, onEpoch?: (report: EpochReport) => void): SoftmaxModel {
  const { mean, std } = standardizer(rows);
  const d = mean.length;
  const model: SoftmaxModel = { kind: 'softmax-regression', classes, mean, std, weights: Array.from({ length: classes }, () => new Array<number>(d + 1).fill(0)) };
  const n = rows.length;
  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    const gradient = Array.from({ length: classes }, () => new Array<number>(d + 1).fill(0));
    let loss = 0;
    rows.forEach((row, i) => {
      const p = softmaxProbabilities(model, row);
      const label = labels[i] ?? 0;
      loss -= Math.log(Math.max(p[label] ?? 0, 1e-12));
      const x = row.map((v, j) => (v - (mean[j] ?? 0)) / (std[j] ?? 1));
      for (let k = 0; k < classes; k += 1) {
        const residual = (p[k] ?? 0) - (k === label ? 1 : 0);
        const g = gradient[k] as number[];
        for (let j = 0; j < d; j += 1) g[j] = (g[j] ?? 0) + residual * (x[j] ?? 0);
        g[d] = (g[d] ?? 0) + residual;
      }
    });
    for (let k = 0; k < classes; k += 1) {
      const w = model.weights[k] as number[];
      const g = gradient[k] as number[];
      for (let j = 0; j <= d; j += 1) {
        const penalty = j < d ? options.l2 * (w[j] ?? 0) : 0;
        w[j] = (w[j] ?? 0) - options.learningRate * ((g[j] ?? 0) / n + penalty);
      }
    }
    onEpoch?.({ epoch, loss: loss / n, model });
  }
  return model;
}
