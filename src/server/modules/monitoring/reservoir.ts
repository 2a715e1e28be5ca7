/**
 * A bounded uniform sample (reservoir) of the numeric values a window saw, for the drift tests
 * that need values rather than bins (Kolmogorov-Smirnov, Wasserstein). Mergeable: two reservoirs
 * of disjoint streams combine into a uniform sample of the union.
 */
export interface Reservoir {
  /** How many values the stream had (the sample holds at most the capacity). */
  seen: number;
  values: number[];
}

export type Random = () => number;

export function emptyReservoir(): Reservoir {
  return { seen: 0, values: [] };
}

/** Algorithm R: every value of the stream ends up in the sample with the same probability. */
export function offer(reservoir: Reservoir, value: number, capacity: number, random: Random = Math.random): void {
  reservoir.seen += 1;
  if (reservoir.values.length < capacity) {
    reservoir.values.push(value);
    return;
  }
  const slot = Math.floor(random() * reservoir.seen);
  if (slot < capacity) reservoir.values[slot] = value;
}

/**
 * A uniform sample of the union of disjoint streams: each contributes in proportion to the stream
 * it stands for, and the sample shrinks when a heavily subsampled one cannot supply its share.
 * Merging all of them at once (an hour's minutes, a group of batches) allocates one sample,
 * where merging them two at a time copied the growing sample at every step.
 */
export function mergeReservoirs(parts: Reservoir[], capacity: number, random: Random = Math.random): Reservoir {
  const fed = parts.filter((r) => r.seen > 0);
  if (fed.length <= 1) {
    const only = fed[0] ?? parts[0] ?? emptyReservoir();
    return only.values.length <= capacity ? only : { seen: only.seen, values: pick([], only.values, capacity, random) };
  }
  let seen = 0;
  for (const r of fed) seen += r.seen;
  let size = capacity;
  for (const r of fed) size = Math.min(size, (r.values.length * seen) / r.seen);
  size = Math.floor(size);
  // Shares rounded cumulatively, so they add up to the size.
  const values: number[] = [];
  let before = 0;
  for (const r of fed) {
    const from = Math.round((size * before) / seen);
    before += r.seen;
    pick(values, r.values, Math.min(r.values.length, Math.round((size * before) / seen) - from), random);
  }
  return { seen, values };
}

/**
 * Appends to `out` `count` of `values` drawn uniformly without replacement (all of them, as they
 * are, when all are asked for), by a partial Fisher–Yates shuffle of a copy (the rest of a full
 * shuffle would not change which values are drawn). When most values are kept it draws the ones to
 * leave out instead: merging a minute into a full daily reservoir keeps about 1,000 of 1,024 values.
 */
function pick(out: number[], values: number[], count: number, random: Random): number[] {
  const n = values.length;
  const take = Math.min(count, n);
  if (take === n) {
    for (let i = 0; i < n; i++) out.push(values[i] as number);
    return out;
  }
  const copy = values.slice();
  const swap = (i: number, j: number) => {
    const value = copy[j] as number;
    copy[j] = copy[i] as number;
    copy[i] = value;
  };
  if (take * 2 > n) {
    // Move n − take uniformly drawn values to the end, then cut them off.
    for (let i = n - 1; i >= take; i--) swap(i, Math.floor(random() * (i + 1)));
  } else {
    for (let i = 0; i < take; i++) swap(i, i + Math.floor(random() * (n - i)));
  }
  for (let i = 0; i < take; i++) out.push(copy[i] as number);
  return out;
}
