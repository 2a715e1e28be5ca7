import { type Cell, numberCell } from './cell-value';
import { parseTimestamp } from './event-timestamp';
import { type FeatureRow, newFeatureRow, setMissing, setValue } from './feature-row';
import type { ReferenceProfile } from './reference-profile';
import type { FoldableEvent } from './window-aggregate';

/** What validation needs to know about the deployment and the versions' profiles. */
export interface ValidationContext {
  now: number;
  maxAgeMs: number;
  maxFutureMs: number;
  /** Whether a version may be posted for at a time (a version of the model that served then). */
  servedAt(version: number, at: number): 'ok' | 'not-a-version' | 'not-serving';
  /** The version's profile, and the row its events' features are binned into. */
  profileOf(version: number): ProfileForValidation | null;
}

export interface ProfileForValidation {
  profile: ReferenceProfile;
  /** Feature name → position in `profile.features`. */
  index: Map<string, number>;
  row: FeatureRow;
  /**
   * The previous event's feature names in the order posted, with their positions. A sender posts
   * every event's features in one order, so each name is found by comparing it with the name
   * posted at its place last time (JSON.parse makes keys unique strings: one pointer comparison),
   * not by hashing it into `index`: the lookups were a third of validation.
   */
  posted: { names: string[]; slots: number[] };
}

export function forValidation(profile: { profile: ReferenceProfile; index: Map<string, number> }): ProfileForValidation {
  return { profile: profile.profile, index: profile.index, row: newFeatureRow(profile.profile.features.length), posted: { names: [], slots: [] } };
}

/**
 * A valid event. Its `features` row is the version's scratch row: the next event of that version
 * overwrites it, so fold an event before validating the next.
 */
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

  const timestamp = typeof raw.timestamp === 'string' ? parseTimestamp(raw.timestamp) : typeof raw.timestamp === 'number' ? raw.timestamp : NaN;
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
  const features = profile ? alignFeatures(raw.features, profile) : checkScalars(raw.features);
  if (features !== null) return features;

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
    features: profile ? profile.row : null,
    prediction,
    label,
    rawPrediction: (raw.prediction ?? null) as Scalar,
    rawFeatures: raw.features,
    rawLabel: raw.label ?? null,
  };
}

/** Bins the features into the profile's row; null when they are all present and valid, else why not. */
function alignFeatures(features: Record<string, unknown>, { profile, index, row, posted }: ProfileForValidation): string | null {
  const width = profile.features.length;
  let present = 0;
  for (const name in features) {
    let at: number | undefined;
    if (posted.names[present] === name) at = posted.slots[present] as number;
    else {
      at = index.get(name);
      if (at === undefined) return `unknown feature "${truncate(name)}" (not in the reference profile)`;
      posted.names[present] = name;
      posted.slots[present] = at;
    }
    present += 1;
    const feature = profile.features[at]!;
    const value = features[name];
    const problem = scalarProblem(value, feature.type);
    if (problem !== null) return `feature "${truncate(name)}" ${problem}`;
    if (value === null) setMissing(row, at);
    else setValue(row, at, feature, value as number | string | boolean);
  }
  if (present !== width) {
    const missing = profile.features.find((f) => !(f.name in features));
    return `missing feature "${missing?.name ?? '?'}"`;
  }
  return null;
}

function checkScalars(features: Record<string, unknown>): string | null {
  let count = 0;
  for (const name in features) {
    if (++count > maxFeatures) return `more than ${maxFeatures} features`;
    const problem = scalarProblem(features[name], null);
    if (problem !== null) return `feature "${truncate(name)}" ${problem}`;
  }
  return null;
}

/** Why a JSON value is not a valid scalar of the type (numeric features take only finite numbers, or null: missing); null when it is. */
function scalarProblem(value: unknown, type: 'numeric' | 'categorical' | null): string | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'is not a finite number';
  if (type === 'numeric') return `is not a number (${describe(value)})`;
  if (typeof value === 'string') return value.length > 1000 ? 'is longer than 1000 characters' : null;
  if (typeof value === 'boolean') return null;
  return `is not a number, string or boolean (${describe(value)})`;
}

/** A JSON scalar as a cell (the prediction, the label). */
function scalarCell(value: unknown, type: 'numeric' | 'categorical' | null): Cell | string {
  const problem = scalarProblem(value, type);
  if (problem !== null) return problem;
  if (value === null) return null;
  if (typeof value === 'number') return numberCell(value);
  return { num: null, str: String(value) };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${truncate(value)}"`;
  return typeof value;
}

const truncate = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
