import { invalidParameter } from '../errors';

/**
 * Page tokens as MLflow's SQL stores make them: base64 of JSON `{"offset": N}`, plus any fields
 * the search wants to bind the token to (a token from another query is refused).
 */
const maxOffset = 2 ** 31 - 1;

export function encodePageToken(offset: number, bound: Record<string, unknown> = {}): string {
  return Buffer.from(JSON.stringify({ ...bound, offset })).toString('base64');
}

export function decodePageToken(token: string | undefined, bound: Record<string, unknown> = {}): number {
  if (!token) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    throw invalidParameter('Invalid page token, could not base64-decode');
  }
  const offset = (parsed as { offset?: unknown } | null)?.offset;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > maxOffset) {
    throw invalidParameter(`Invalid page token, parsed value=${JSON.stringify(parsed)?.slice(0, 100)}`);
  }
  for (const [key, value] of Object.entries(bound)) {
    if (JSON.stringify((parsed as Record<string, unknown>)[key]) !== JSON.stringify(value)) {
      throw invalidParameter(`The page token does not belong to this search (its ${key} differs); start again without it`);
    }
  }
  return offset;
}

/** A max_results within [1, max], or the default when unset. */
export function maxResults(value: number | undefined, defaults: { default: number; max: number }): number {
  if (value === undefined) return defaults.default;
  if (!Number.isInteger(value) || value < 1 || value > defaults.max) {
    throw invalidParameter(`Invalid value ${value} for parameter 'max_results' supplied. It must be a positive integer at most ${defaults.max}.`);
  }
  return value;
}
