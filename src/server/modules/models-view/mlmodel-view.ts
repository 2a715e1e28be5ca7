import type { Signature, SignatureColumn } from '../../../shared/contract/models';
import type { MlmodelSummary } from '../registry/registry-types';

/**
 * Turns the registry's parsed MLmodel (JSON as MLflow wrote it) into table rows: signature
 * columns (column-based or tensor-based), flavors and input example info as key/value lists.
 * Whatever shape a client wrote, this never throws: unknown parts are shown as text.
 */
type Json = Record<string, unknown>;
const isMap = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

/** The registry stores signature parts parsed; a part it could not parse is still JSON text. */
function list(value: unknown): unknown[] {
  if (typeof value !== 'string') return Array.isArray(value) ? value : [];
  try {
    return list(JSON.parse(value));
  } catch {
    return [];
  }
}

function columns(value: unknown): SignatureColumn[] {
  return list(value).filter(isMap).map((column) => {
    const tensor = isMap(column['tensor-spec']) ? column['tensor-spec'] : null;
    return {
      name: typeof column.name === 'string' ? column.name : null,
      type: tensor ? `tensor<${text(tensor.dtype)}>` : text(column.type ?? 'unknown'),
      optional: column.required === false || column.optional === true,
      shape: tensor && Array.isArray(tensor.shape) ? `(${tensor.shape.join(', ')})` : null,
    };
  });
}

export function signatureOf(mlmodel: MlmodelSummary | null): Signature | null {
  const signature = mlmodel?.signature;
  if (!signature) return null;
  const params = list(signature.params).filter(isMap);
  return {
    inputs: columns(signature.inputs),
    outputs: columns(signature.outputs),
    params: params.map((param) => ({ name: text(param.name), type: text(param.type ?? 'unknown'), default: param.default === undefined || param.default === null ? null : text(param.default) })),
  };
}

/** Scalars as they are, nested maps one level deep as `a.b`, anything else as JSON. */
function keyValues(map: Json, prefix = ''): Array<{ key: string; value: string }> {
  return Object.entries(map).flatMap(([key, value]) =>
    isMap(value) && prefix === '' ? keyValues(value, `${key}.`) : [{ key: `${prefix}${key}`, value: text(value) }],
  );
}

export function flavorsOf(mlmodel: MlmodelSummary | null) {
  return Object.entries(mlmodel?.flavors ?? {}).map(([name, details]) => ({ name, details: isMap(details) ? keyValues(details) : [] }));
}

export function inputExampleOf(mlmodel: MlmodelSummary | null) {
  return mlmodel?.savedInputExampleInfo ? keyValues(mlmodel.savedInputExampleInfo) : null;
}
