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
 * A uniform sample of both streams: each side contributes in proportion to the stream it stands
 * for, and the sample shrinks when a heavily subsampled side cannot supply its share.
 */
export function mergeReservoirs(a: Reservoir, b: Reservoir, capacity: number, random: Random = Math.random): Reservoir {
  if (b.seen === 0) return a.values.length <= capacity ? a : subsample(a, capacity, random);
  if (a.seen === 0) return b.values.length <= capacity ? b : subsample(b, capacity, random);
  const seen = a.seen + b.seen;
  const size = Math.floor(Math.min(capacity, (a.values.length * seen) / a.seen, (b.values.length * seen) / b.seen));
  const fromA = Math.min(a.values.length, Math.round((size * a.seen) / seen));
  const fromB = Math.min(b.values.length, size - fromA);
  const values = pick(a.values, fromA, random);
  for (const value of pick(b.values, fromB, random)) values.push(value);
  return { seen, values };
}

function subsample(r: Reservoir, capacity: number, random: Random): Reservoir {
  return { seen: r.seen, values: pick(r.values, capacity, random) };
}

/**
 * `count` values drawn uniformly without replacement, by a partial Fisher–Yates shuffle of a copy
 * (the rest of a full shuffle would not change which values are drawn). When most values are kept
 * it draws the ones to leave out instead: merging a minute into a full daily reservoir keeps about
 * 1,000 of 1,024 values, and this runs for every window a batch merges.
 */
function pick(values: number[], count: number, random: Random): number[] {
  const out = values.slice();
  const n = out.length;
  const take = Math.min(count, n);
  const swap = (i: number, j: number) => {
    const value = out[j] as number;
    out[j] = out[i] as number;
    out[i] = value;
  };
  if (take * 2 > n) {
    // Move n − take uniformly drawn values to the end, then cut them off.
    for (let i = n - 1; i >= take; i--) swap(i, Math.floor(random() * (i + 1)));
  } else {
    for (let i = 0; i < take; i++) swap(i, i + Math.floor(random() * (n - i)));
  }
  out.length = take;
  return out;
}
