import type { DriftSettings } from '../../../shared/contract/monitoring';
import type { Db } from '../../db/database';

export const defaultDriftSettings: DriftSettings = { driftShare: 0.5, features: [] };

export async function findDriftSettings(db: Db, deploymentId: number): Promise<DriftSettings> {
  const row = await db.selectFrom('drift_settings').select('settings_json').where('deployment_id', '=', deploymentId).executeTakeFirst();
  return row ? (JSON.parse(row.settings_json) as DriftSettings) : defaultDriftSettings;
}

export async function saveDriftSettings(db: Db, deploymentId: number, settings: DriftSettings): Promise<void> {
  const settingsJson = JSON.stringify(settings);
  const now = Date.now();
  await db
    .insertInto('drift_settings')
    .values({ deployment_id: deploymentId, settings_json: settingsJson, updated_at: now })
    .onConflict((oc) => oc.column('deployment_id').doUpdateSet({ settings_json: settingsJson, updated_at: now }))
    .execute();
}
