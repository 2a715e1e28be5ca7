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
  return { seen, values: [...shuffled(a.values, random).slice(0, fromA), ...shuffled(b.values, random).slice(0, fromB)] };
}

function subsample(r: Reservoir, capacity: number, random: Random): Reservoir {
  return { seen: r.seen, values: shuffled(r.values, random).slice(0, capacity) };
}

function shuffled(values: number[], random: Random): number[] {
  const out = values.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}
