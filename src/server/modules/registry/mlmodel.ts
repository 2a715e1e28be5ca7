import { parseDocument } from 'yaml';
import type { MlmodelSummary } from './registry-types';

/**
 * Reads an MLmodel file (YAML at a model's root) into what the dashboard shows: flavors,
 * signature, input example info, size, versions. Parsed with the YAML core schema and no custom
 * tags, so `!!python/object` and friends stay inert strings; aliases are capped (billion laughs)
 * and the caller caps the file size. Nothing is ever executed or unpickled.
 */
export const maxMlmodelBytes = 1024 * 1024;

type YamlMap = Record<string, unknown>;

const isMap = (value: unknown): value is YamlMap => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOrNull = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);

/** Signature parts are JSON strings inside the YAML; keep the raw text if one is not valid JSON. */
function jsonField(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function parseMlmodel(text: string): MlmodelSummary | null {
  let document: unknown;
  try {
    const parsed = parseDocument(text, { schema: 'core', customTags: [], uniqueKeys: false, logLevel: 'silent' });
    if (parsed.errors.length > 0) return null;
    document = parsed.toJS({ maxAliasCount: 100 });
  } catch {
    return null;
  }
  if (!isMap(document)) return null;
  const signature = isMap(document.signature)
    ? { inputs: jsonField(document.signature.inputs), outputs: jsonField(document.signature.outputs), params: jsonField(document.signature.params) }
    : null;
  const size = document.model_size_bytes;
  // Round-trip through JSON: only plain data is kept, whatever the YAML held.
  return JSON.parse(
    JSON.stringify({
      flavors: isMap(document.flavors) ? document.flavors : {},
      signature,
      savedInputExampleInfo: isMap(document.saved_input_example_info) ? document.saved_input_example_info : null,
      modelSizeBytes: typeof size === 'number' && Number.isFinite(size) ? size : null,
      mlflowVersion: stringOrNull(document.mlflow_version),
      modelUuid: stringOrNull(document.model_uuid),
      modelId: stringOrNull(document.model_id),
      runId: stringOrNull(document.run_id),
      utcTimeCreated: stringOrNull(document.utc_time_created),
      artifactPath: stringOrNull(document.artifact_path),
    } satisfies MlmodelSummary),
  ) as MlmodelSummary;
}
