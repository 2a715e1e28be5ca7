export type Change = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffRow {
  /** Dotted path of the key, e.g. `gates[0].passed`; `(value)` when the state is not an object. */
  path: string;
  before: unknown;
  after: unknown;
  change: Change;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaf values by path: objects and arrays are walked, so a diff names the exact keys that changed. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (Array.isArray(value) && value.length > 0) {
    value.forEach((child, index) => flatten(child, `${prefix}[${index}]`, out));
  } else if (prefix || (value !== null && value !== undefined)) {
    out.set(prefix || '(value)', value);
  }
  return out;
}

/** A key-by-key comparison of an event's before and after states, in the order the keys appear. */
export function diffStates(before: unknown, after: unknown): DiffRow[] {
  const left = flatten(before, '', new Map());
  const right = flatten(after, '', new Map());
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  return paths.map((path) => {
    const inLeft = left.has(path);
    const inRight = right.has(path);
    const b = left.get(path);
    const a = right.get(path);
    const change: Change = !inLeft ? 'added' : !inRight ? 'removed' : JSON.stringify(a) === JSON.stringify(b) ? 'unchanged' : 'changed';
    return { path, before: b, after: a, change };
  });
}

/** A value as one readable line: strings bare, everything else as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
