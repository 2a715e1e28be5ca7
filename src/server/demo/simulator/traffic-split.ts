/** What a serving system serves, as the serving-integration endpoint answers it. */
export interface Serving {
  revision: number;
  stable: { version: number; modelUri: string } | null;
  canary: { version: number; modelUri: string; weight: number } | null;
}

/**
 * The version one request goes to: the canary for `weight` percent of requests (u is uniform in
 * [0, 1)), the stable version otherwise; null when nothing serves.
 */
export function routeRequest(serving: Serving, u: number): number | null {
  if (serving.canary && serving.canary.weight > 0 && (u * 100 < serving.canary.weight || !serving.stable)) return serving.canary.version;
  return serving.stable?.version ?? serving.canary?.version ?? null;
}

/** Requests per tick as a Poisson draw around `mean` (Knuth's method; the rates are small). */
export function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}
