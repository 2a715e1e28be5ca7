import { invalidParameter } from '../../errors';

/** MLflow's validation limits for tracking data (section 3 of the MLflow reference). */
export const limits = {
  keyLength: 250,
  paramValueLength: 6000,
  runTagValueLength: 8000,
  experimentNameLength: 500,
  experimentTagValueLength: 5000,
  batchMetrics: 1000,
  batchParams: 100,
  batchTags: 100,
  batchTotal: 1000,
  datasetName: 500,
  datasetDigest: 36,
  datasetSource: 65535,
  datasetSchema: 1_048_575,
  datasetProfile: 16_777_215,
  inputTagKey: 255,
  inputTagValue: 500,
} as const;

/**
 * A metric, param or tag name: safe characters only, and already a normalised path (names become
 * file names in some stores, so `a/../b` or `/etc` must not reach one).
 */
export function validateKey(key: string, kind: 'metric' | 'param' | 'tag'): string {
  const what = kind === 'param' ? 'parameter' : kind;
  if (key === '') throw invalidParameter(`Missing value for required parameter 'key'.`);
  if (key.length > limits.keyLength) throw invalidParameter(`${capitalise(what)} name '${key.slice(0, 50)}…' had length ${key.length}, which exceeded length limit of ${limits.keyLength}.`);
  if (!/^[A-Za-z0-9_\-. /:]+$/.test(key)) {
    throw invalidParameter(`Invalid ${what} name: '${key.slice(0, 250)}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colons (:) and slashes (/).`);
  }
  const segments = key.split('/');
  if (key === '.' || key.startsWith('/') || segments.includes('..') || segments.includes('.') || (segments.length > 1 && segments.includes(''))) {
    throw invalidParameter(`Invalid ${what} name: '${key}'. Names may be treated as files in certain cases, and must not resolve to other names when treated as such.`);
  }
  return key;
}

/** Over-long param and run-tag values are cut to the limit, as MLflow does by default (MLFLOW_TRUNCATE_LONG_VALUES). */
export function truncated(value: string, limit: number): string {
  return value.length > limit ? value.slice(0, limit) : value;
}

export function validateExperimentName(name: string, field = 'name'): string {
  if (name.trim() === '') throw invalidParameter(`Invalid experiment name: '${name}'. Missing value for required parameter '${field}'.`);
  if (name.length > limits.experimentNameLength) throw invalidParameter(`Experiment name '${name.slice(0, 50)}…' exceeds the length limit of ${limits.experimentNameLength}.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw invalidParameter(`Experiment name ${JSON.stringify(name.slice(0, 100))} contains control characters.`);
  return name;
}

export function validateExperimentTag(tag: { key: string; value?: string }): { key: string; value: string } {
  const value = tag.value ?? '';
  if (value.length > limits.experimentTagValueLength) {
    throw invalidParameter(`Tag value for key '${tag.key.slice(0, 50)}' had length ${value.length}, which exceeded length limit of ${limits.experimentTagValueLength}.`);
  }
  return { key: validateKey(tag.key, 'tag'), value };
}

export function validateRunTag(tag: { key: string; value?: string }): { key: string; value: string } {
  return { key: validateKey(tag.key, 'tag'), value: truncated(tag.value ?? '', limits.runTagValueLength) };
}

export function validateParam(param: { key: string; value?: string }): { key: string; value: string } {
  return { key: validateKey(param.key, 'param'), value: truncated(param.value ?? '', limits.paramValueLength) };
}

/** MLflow's run id shape (uuid4 hex here, but imported runs may use any id of this form). */
export function validateRunId(runId: string): string {
  if (!/^[a-zA-Z0-9][\w-]{0,255}$/.test(runId)) throw invalidParameter(`Invalid run ID: '${runId.slice(0, 100)}'`);
  return runId;
}

/** The run a request names: `run_id`, or the deprecated `run_uuid` older clients send. */
export function runIdOf(input: { run_id?: string; run_uuid?: string }): string {
  const runId = input.run_id || input.run_uuid;
  if (!runId) throw invalidParameter("Missing value for required parameter 'run_id'. See the API docs for more information about request parameters.");
  return validateRunId(runId);
}

export function validateLength(what: string, value: string | undefined, limit: number): void {
  if (value !== undefined && value.length > limit) throw invalidParameter(`${what} had length ${value.length}, which exceeded length limit of ${limit}.`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
