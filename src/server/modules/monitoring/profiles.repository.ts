import type { ReferenceProfileSummary } from '../../../shared/contract/monitoring';
import type { Db } from '../../db/database';
import { binLabels, type FeatureProfile, type ReferenceProfile } from './reference-profile';

export interface StoredProfile {
  id: number;
  modelName: string;
  version: number;
  source: 'upload' | 'baseline' | 'dataset';
  sourceName: string;
  createdAt: number;
  createdBy: string;
  profile: ReferenceProfile;
}

type ProfileRow = { id: number; model_name: string; version: number; source: string; source_name: string; created_at: number; created_by: string; profile_json: string };

const toStored = (row: ProfileRow): StoredProfile => ({
  id: Number(row.id),
  modelName: row.model_name,
  version: row.version,
  source: row.source as StoredProfile['source'],
  sourceName: row.source_name,
  createdAt: row.created_at,
  createdBy: row.created_by,
  profile: JSON.parse(row.profile_json) as ReferenceProfile,
});

export async function findActiveProfile(db: Db, modelName: string, version: number): Promise<StoredProfile | null> {
  const row = await db
    .selectFrom('reference_profiles')
    .selectAll()
    .where('model_name', '=', modelName)
    .where('version', '=', version)
    .where('active', '=', 1)
    .executeTakeFirst();
  return row ? toStored(row) : null;
}

export async function findProfileById(db: Db, id: number): Promise<StoredProfile | null> {
  const row = await db.selectFrom('reference_profiles').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStored(row) : null;
}

/** Stores a new active profile for the version; older ones stay (windows may be binned on them). */
export async function insertProfile(
  db: Db,
  input: { modelName: string; version: number; source: StoredProfile['source']; sourceName: string; createdBy: string; profile: ReferenceProfile },
): Promise<StoredProfile> {
  await db.updateTable('reference_profiles').set({ active: 0 }).where('model_name', '=', input.modelName).where('version', '=', input.version).execute();
  const row = await db
    .insertInto('reference_profiles')
    .values({
      model_name: input.modelName,
      version: input.version,
      active: 1,
      source: input.source,
      source_name: input.sourceName,
      row_count: input.profile.rowCount,
      profile_json: JSON.stringify(input.profile),
      created_at: Date.now(),
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStored(row);
}

export async function versionsWithProfiles(db: Db, modelName: string): Promise<Set<number>> {
  const rows = await db.selectFrom('reference_profiles').select('version').where('model_name', '=', modelName).where('active', '=', 1).execute();
  return new Set(rows.map((r) => r.version));
}

function toFeatureSummary(feature: FeatureProfile) {
  const labels = binLabels(feature.binning);
  return {
    name: feature.name,
    type: feature.type,
    inferredType: feature.inferredType,
    count: feature.count,
    missing: feature.missing,
    uniqueCount: feature.uniqueCount,
    uniqueCapped: feature.uniqueCapped,
    stats: feature.stats,
    bins: feature.binCounts.map((count, i) => ({ label: labels[i] ?? '', count })),
  };
}

export function toProfileSummary(stored: StoredProfile): ReferenceProfileSummary {
  const { profile } = stored;
  return {
    id: String(stored.id),
    modelName: stored.modelName,
    version: String(stored.version),
    source: stored.source,
    sourceName: stored.sourceName,
    rowCount: profile.rowCount,
    taskType: profile.taskType,
    features: profile.features.map(toFeatureSummary),
    prediction: profile.prediction ? toFeatureSummary(profile.prediction) : null,
    performance: profile.performance,
    createdAt: new Date(stored.createdAt).toISOString(),
    createdBy: stored.createdBy,
  };
}

// --- baseline windows ----------------------------------------------------------------------------

export interface BaselineRow {
  modelName: string;
  version: number;
  target: number;
  collected: number;
  state: string;
  createdAt: number;
  createdBy: string;
}

export async function findBaseline(db: Db, modelName: string, version: number): Promise<BaselineRow | null> {
  const row = await db.selectFrom('reference_baselines').selectAll().where('model_name', '=', modelName).where('version', '=', version).executeTakeFirst();
  return row
    ? { modelName: row.model_name, version: row.version, target: row.target_count, collected: row.collected_count, state: row.state_json, createdAt: row.created_at, createdBy: row.created_by }
    : null;
}

export async function saveBaseline(db: Db, row: BaselineRow): Promise<void> {
  await db
    .insertInto('reference_baselines')
    .values({ model_name: row.modelName, version: row.version, target_count: row.target, collected_count: row.collected, state_json: row.state, created_at: row.createdAt, created_by: row.createdBy })
    .onConflict((oc) => oc.columns(['model_name', 'version']).doUpdateSet({ target_count: row.target, collected_count: row.collected, state_json: row.state }))
    .execute();
}

export async function deleteBaseline(db: Db, modelName: string, version: number): Promise<void> {
  await db.deleteFrom('reference_baselines').where('model_name', '=', modelName).where('version', '=', version).execute();
}
