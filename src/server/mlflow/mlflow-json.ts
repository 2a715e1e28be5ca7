/**
 * Encodes a response the way MLflow's server does (protobuf JSON, post-processed): unset fields
 * and empty repeated fields are omitted, int64 stay JSON numbers, and non-finite doubles become
 * the strings "NaN", "Infinity" and "-Infinity" (JSON has no literal for them).
 *
 * Copy on write: a plain object or array that needs no change is returned as it is, so a large
 * answer (a run's metrics, a page of runs) is not rebuilt object by object before JSON.stringify.
 */
export function toMlflowJson(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Number.POSITIVE_INFINITY) return 'Infinity';
    if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
    return value;
  }
  if (Array.isArray(value)) return encodeArray(value);
  if (value === null || typeof value !== 'object') return value;
  return encodeObject(value as Record<string, unknown>);
}

function encodeArray(items: unknown[]): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const encoded = toMlflowJson(items[i]);
    if (!out && encoded !== items[i]) out = items.slice(0, i);
    if (out) out.push(encoded);
  }
  return out ?? items;
}

const isOmitted = (field: unknown) => field === undefined || field === null || (Array.isArray(field) && field.length === 0);

function encodeObject(value: Record<string, unknown>): Record<string, unknown> {
  // Anything but a plain object (a class instance) is always copied field by field, as JSON sees it.
  const prototype = Object.getPrototypeOf(value);
  let out: Record<string, unknown> | undefined = prototype === Object.prototype || prototype === null ? undefined : {};
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const field = value[key];
    const omitted = isOmitted(field);
    const encoded = omitted ? undefined : toMlflowJson(field);
    if (!out && (omitted || encoded !== field)) {
      out = {};
      for (const earlier of keys.slice(0, i)) out[earlier] = value[earlier];
    }
    if (out && !omitted) out[key] = encoded;
  }
  return out ?? value;
}
