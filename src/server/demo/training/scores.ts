/** Classification scores for the metric histories and final metrics. */
export function accuracy(predicted: number[], actual: number[]): number {
  if (actual.length === 0) return 0;
  return predicted.filter((p, i) => p === actual[i]).length / actual.length;
}

/** Unweighted mean of per-class F1 over the classes present in `actual` or `predicted`. */
export function macroF1(predicted: number[], actual: number[]): number {
  const classes = [...new Set([...actual, ...predicted])];
  const f1s = classes.map((c) => {
    const tp = predicted.filter((p, i) => p === c && actual[i] === c).length;
    const fp = predicted.filter((p, i) => p === c && actual[i] !== c).length;
    const fn = actual.filter((a, i) => a === c && predicted[i] !== c).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1s.length === 0 ? 0 : f1s.reduce((a, b) => a + b, 0) / f1s.length;
}

/** Majority vote of the first `trees` trees for each row. */
export function votesOfFirst(votes: number[][], trees: number): number[] {
  return votes.map((row) => {
    const counts = new Map<number, number>();
    let best = row[0] ?? 0;
    for (const v of row.slice(0, trees)) {
      const n = (counts.get(v) ?? 0) + 1;
      counts.set(v, n);
      if (n > (counts.get(best) ?? 0)) best = v;
    }
    return best;
  });
}
