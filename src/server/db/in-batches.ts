/**
 * Runs a query per batch of values and concatenates the results, so `where x in (...)` lists stay
 * under SQLite's bound-parameter limit however many values a page holds.
 */
export async function inBatches<V, R>(values: readonly V[], run: (batch: V[]) => Promise<R[]>, size = 500): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < values.length; start += size) results.push(...(await run(values.slice(start, start + size))));
  return results;
}
