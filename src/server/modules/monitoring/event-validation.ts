import type { Cell } from './cell-value';
import type { ReferenceProfile } from './reference-profile';
import type { FoldableEvent } from './window-aggregate';

/** What validation needs to know about the deployment and the versions' profiles. */
export interface ValidationContext {
  now: number;
  maxAgeMs: number;
  maxFutureMs: number;
  /** Whether a version may be posted for at a time (a version of the model that served then). */
  servedAt(version: number, at: number): 'ok' | 'not-a-version' | 'not-serving';
  profileOf(version: number): { profile: ReferenceProfile; index: Map<string, number> } | null;
}

export interface ValidEvent extends FoldableEvent {
  timestamp: number;
  version: number;
  id: string | null;
  /** The prediction as posted, kept for late-label joins. */
  rawPrediction: string | number | boolean | null;
  /** The features as posted (a baseline window builds a profile from them). */
  rawFeatures: Record<string, unknown>;
  rawLabel: unknown;
}

export const maxLatencyMs = 600_000;
const maxIdLength = 200;
const maxFeatures = 1000;

type Scalar = string | number | boolean | null;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks one posted event; returns the event ready to fold, or why it was rejected. */
export function validateEvent(raw: unknown, context: ValidationContext): ValidEvent | string {
  if (!isObject(raw)) return 'event is not a JSON object';

  const timestamp = typeof raw.timestamp === 'string' ? Date.parse(raw.timestamp) : typeof raw.timestamp === 'number' ? raw.timestamp : NaN;
  if (!Number.isFinite(timestamp)) return 'timestamp is missing or not an ISO date or epoch milliseconds';
  if (timestamp > context.now + context.maxFutureMs) return 'timestamp is in the future';
  if (timestamp < context.now - context.maxAgeMs) return `timestamp is older than ${Math.round(context.maxAgeMs / 86_400_000)} days`;

  const version = typeof raw.modelVersion === 'number' ? raw.modelVersion : typeof raw.modelVersion === 'string' && /^\d+$/.test(raw.modelVersion) ? Number(raw.modelVersion) : NaN;
  if (!Number.isInteger(version)) return 'modelVersion is missing or not a version number';
  const served = context.servedAt(version, timestamp);
  if (served === 'not-a-version') return `version ${version} is not a version of this model`;
  if (served === 'not-serving') return `version ${version} was not serving in this deployment at that time`;

  const latencyMs = raw.latencyMs;
  if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs)) return 'latencyMs is missing or not a number';
  if (latencyMs < 0) return 'latencyMs is negative';
  if (latencyMs > maxLatencyMs) return `latencyMs is above ${maxLatencyMs} ms`;

  if (raw.error !== undefined && raw.error !== null && typeof raw.error !== 'boolean' && typeof raw.error !== 'string') {
    return 'error must be a boolean or a message';
  }
  let id: string | null = null;
  if (raw.id !== undefined && raw.id !== null) {
    if (typeof raw.id !== 'string' && typeof raw.id !== 'number') return 'id must be a string';
    id = String(raw.id);
    if (id.length === 0 || id.length > maxIdLength) return `id must have 1 to ${maxIdLength} characters`;
  }

  if (!isObject(raw.features)) return 'features is missing or not an object';
  const profile = context.profileOf(version);
  const cells = profile ? alignFeatures(raw.features, profile) : checkScalars(raw.features);
  if (typeof cells === 'string') return cells;

  if (!('prediction' in raw)) return 'prediction is missing';
  const prediction = scalarCell(raw.prediction, profile?.profile.prediction?.type ?? null);
  if (typeof prediction === 'string') return `prediction ${prediction}`;
  const label = raw.label === undefined ? null : scalarCell(raw.label, null);
  if (typeof label === 'string') return `label ${label}`;

  return {
    timestamp,
    version,
    latencyMs,
    error: Boolean(raw.error),
    id,
    cells: profile ? cells : null,
    prediction,
    label,
    rawPrediction: (raw.prediction ?? null) as Scalar,
    rawFeatures: raw.features,
    rawLabel: raw.label ?? null,
  };
}

function alignFeatures(features: Record<string, unknown>, { profile, index }: { profile: ReferenceProfile; index: Map<string, number> }): Cell[] | string {
  const cells: Cell[] = new Array<Cell>(profile.features.length).fill(null);
  let present = 0;
  for (const name in features) {
    const at = index.get(name);
    if (at === undefined) return `unknown feature "${truncate(name)}" (not in the reference profile)`;
    present += 1;
    const feature = profile.features[at];
    const cell = scalarCell(features[name], feature?.type ?? null);
    if (typeof cell === 'string') return `feature "${truncate(name)}" ${cell}`;
    cells[at] = cell;
  }
  if (present !== profile.features.length) {
    const missing = profile.features.find((f) => !(f.name in features));
    return `missing feature "${missing?.name ?? '?'}"`;
  }
  return cells;
}

function checkScalars(features: Record<string, unknown>): Cell[] | string {
  let count = 0;
  for (const name in features) {
    if (++count > maxFeatures) return `more than ${maxFeatures} features`;
    const cell = scalarCell(features[name], null);
    if (typeof cell === 'string') return `feature "${truncate(name)}" ${cell}`;
  }
  return [];
}

/** A JSON scalar as a cell; numeric features take only finite numbers (or null: missing). */
function scalarCell(value: unknown, type: 'numeric' | 'categorical' | null): Cell | string {
  if (value === null) return null;
  if (type === 'numeric') {
    if (typeof value !== 'number') return `is not a number (${describe(value)})`;
    if (!Number.isFinite(value)) return 'is not a finite number';
    return { num: value, str: String(value) };
  }
  if (typeof value === 'number') return Number.isFinite(value) ? { num: value, str: String(value) } : 'is not a finite number';
  if (typeof value === 'string') return value.length > 1000 ? 'is longer than 1000 characters' : { num: null, str: value };
  if (typeof value === 'boolean') return { num: null, str: String(value) };
  return `is not a number, string or boolean (${describe(value)})`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${truncate(value)}"`;
  return typeof value;
}

const truncate = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
