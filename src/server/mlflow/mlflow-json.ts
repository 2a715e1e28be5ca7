/**
 * Encodes a response the way MLflow's server does (protobuf JSON, post-processed): unset fields
 * and empty repeated fields are omitted, int64 stay JSON numbers, and non-finite doubles become
 * the strings "NaN", "Infinity" and "-Infinity" (JSON has no literal for them).
 */
export function toMlflowJson(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Number.POSITIVE_INFINITY) return 'Infinity';
    if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
    return value;
  }
  if (Array.isArray(value)) return value.map(toMlflowJson);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || field === null) continue;
    if (Array.isArray(field) && field.length === 0) continue;
    out[key] = toMlflowJson(field);
  }
  return out;
}
