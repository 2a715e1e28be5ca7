import type { DatabaseHandle } from '../server/db/database';
import { inTransaction } from '../server/db/transaction';
import { systemContext } from '../server/modules/audit/audit.service';
import { createToken } from '../server/modules/auth/tokens.service';
import { createUser } from '../server/modules/auth/users.service';
import { findDriftSettings } from '../server/modules/monitoring/drift-settings.repository';
import { driftStatistics } from '../server/modules/monitoring/drift-statistics';
import { newFeatureRow, setValue } from '../server/modules/monitoring/feature-row';
import { seedDeployment } from '../server/modules/monitoring/monitoring-test-seed';
import { ProfileBuilder } from '../server/modules/monitoring/profile-builder';
import { insertProfile } from '../server/modules/monitoring/profiles.repository';
import { emptyWindow, foldEvent, sampleCapacity } from '../server/modules/monitoring/window-aggregate';
import { withDrift } from '../server/modules/monitoring/window-drift';
import { upsertWindows } from '../server/modules/monitoring/windows.repository';

const numeric = Array.from({ length: 16 }, (_, i) => `x${i}`);
const categorical = ['plan', 'region', 'device', 'channel'];
const choices = ['a', 'b', 'c', 'd', 'e'];
const normal = () => Math.sqrt(-2 * Math.log(Math.random() + 1e-12)) * Math.cos(2 * Math.PI * Math.random());

/** One event's 20 features: 16 numeric (feature i around 10·i), 4 categorical. */
export const featureRow = (): Record<string, number | string> =>
  Object.fromEntries([...numeric.map((n, i) => [n, Math.round((i * 10 + 5 * normal()) * 1000) / 1000]), ...categorical.map((c) => [c, choices[Math.floor(Math.random() * 5)]])]);

const hour = 3_600_000;

/**
 * A deployment of model `bench` (versions 1 and 2 profiled on 5,000 rows of 20 features), an
 * ingest token and a viewer token, and 30 days of hourly windows for version 1 (1,000 events
 * each, drift stored as ingestion stores it) up to `now`'s hour. The events come from the
 * reference's own distribution, so every feature-hour flagged as drifted is a false alarm.
 */
export async function seedMonitoring(database: DatabaseHandle, now: number) {
  const { deploymentId } = await seedDeployment(database.db, { model: 'bench' });
  const builder = new ProfileBuilder({ predictionColumn: 'prediction' });
  const referenceRows = Array.from({ length: 5000 }, () => ({ ...featureRow(), prediction: Math.random() }));
  for (const r of referenceRows) builder.firstPass(r);
  builder.plan();
  for (const r of referenceRows) builder.secondPass(r);
  const profile = builder.result();
  const stored = await inTransaction(database, async (tx) => {
    await insertProfile(tx, { modelName: 'bench', version: 2, source: 'upload', sourceName: 'bench.csv', createdBy: 'bench', profile });
    return insertProfile(tx, { modelName: 'bench', version: 1, source: 'upload', sourceName: 'bench.csv', createdBy: 'bench', profile });
  });
  const token = async (username: string, role: 'ingest' | 'viewer') => {
    const user = await createUser(database, { username, role, password: `${username}-password-1` }, systemContext);
    return (await createToken(database, Number(user.id), { name: 'bench' }, systemContext)).secret;
  };

  const firstHour = Math.floor(now / hour) * hour - 30 * 24 * hour;
  const settings = await findDriftSettings(database.db, deploymentId);
  const falseAlarms = { drifted: 0, scored: 0 };
  for (let day = 0; day < 30; day++) {
    const windows = Array.from({ length: 24 }, (_, h) => {
      const agg = emptyWindow(stored.id, profile);
      const features = newFeatureRow(profile.features.length);
      for (let e = 0; e < 1000; e++) {
        const values = featureRow();
        profile.features.forEach((f, i) => setValue(features, i, f, values[f.name] as number | string));
        foldEvent(agg, { latencyMs: 50, error: false, features, prediction: null, label: null }, profile, sampleCapacity(3600));
      }
      const window = withDrift({ version: 1, granularity: 3600, start: firstHour + (day * 24 + h) * hour, agg }, { id: stored.id, profile }, settings, driftStatistics);
      for (const feature of (JSON.parse(window.drift?.json ?? '{"features":[]}') as { features: Array<{ score: number | null; drifted: boolean }> }).features) {
        if (feature.score !== null) falseAlarms.scored += 1;
        if (feature.drifted) falseAlarms.drifted += 1;
      }
      return window;
    });
    await inTransaction(database, (tx) => upsertWindows(tx, deploymentId, windows));
  }
  return { deploymentId, falseAlarms, ingestToken: await token('serving', 'ingest'), viewerToken: await token('viewer', 'viewer'), driftFrom: firstHour, driftTo: firstHour + 30 * 24 * hour };
}
