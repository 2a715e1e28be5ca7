import type { DatabaseHandle, Db } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { notFound } from '../../errors';
import { appendAudit, type AuditContext, systemContext } from '../audit/audit.service';
import { modelVersionExists } from '../registry/model-versions.repository';
import type { ValidEvent } from './event-validation';
import { ProfileBuilder } from './profile-builder';
import { deleteBaseline, findBaseline, insertProfile, saveBaseline } from './profiles.repository';

/** Names no posted feature can have, for the prediction and label columns of baseline rows. */
const predictionColumn = '\u0000prediction';
const labelColumn = '\u0000label';

type BaselineRow = Record<string, unknown>;

/** Starts (or restarts) collecting the first N production events of a version as its reference. */
export async function startBaseline(database: DatabaseHandle, modelName: string, version: number, target: number, context: AuditContext) {
  return inTransaction(database, async (tx) => {
    if (!(await modelVersionExists(tx, modelName, version))) throw notFound(`No version ${version} of model "${modelName}"`);
    const row = { modelName, version, target, collected: 0, state: '[]', createdAt: Date.now(), createdBy: context.actor.name };
    await saveBaseline(tx, row);
    await appendAudit(tx, context, { action: 'monitoring.baseline-started', entityType: 'model-version', entityId: `${modelName}/${version}`, after: { events: target } });
    return { target, collected: 0, createdAt: new Date(row.createdAt).toISOString() };
  });
}

/**
 * Inside the ingestion transaction: adds events of versions without a profile to their baseline
 * (if one is being collected), and builds the profile once the baseline is full.
 */
export async function collectBaselineEvents(tx: Db, modelName: string, events: ValidEvent[], evict: (model: string, version: number) => void) {
  const byVersion = new Map<number, ValidEvent[]>();
  for (const event of events) byVersion.set(event.version, [...(byVersion.get(event.version) ?? []), event]);
  for (const [version, versionEvents] of byVersion) {
    const baseline = await findBaseline(tx, modelName, version);
    if (!baseline) continue;
    const rows = JSON.parse(baseline.state) as BaselineRow[];
    for (const event of versionEvents.slice(0, baseline.target - rows.length)) {
      rows.push({ ...event.rawFeatures, [predictionColumn]: event.rawPrediction, [labelColumn]: event.rawLabel });
    }
    if (rows.length < baseline.target) {
      await saveBaseline(tx, { ...baseline, collected: rows.length, state: JSON.stringify(rows) });
      continue;
    }
    const profile = buildFromRows(rows);
    const stored = await insertProfile(tx, { modelName, version, source: 'baseline', sourceName: `first ${rows.length} production events`, createdBy: baseline.createdBy, profile });
    await deleteBaseline(tx, modelName, version);
    await appendAudit(tx, systemContext, {
      action: 'monitoring.reference-created',
      entityType: 'model-version',
      entityId: `${modelName}/${version}`,
      after: { profileId: stored.id, source: 'baseline', rows: rows.length, features: profile.features.map((f) => f.name) },
    });
    evict(modelName, version);
  }
}

function buildFromRows(rows: BaselineRow[]) {
  const hasLabels = rows.some((r) => r[labelColumn] !== null && r[labelColumn] !== undefined);
  const builder = new ProfileBuilder({ predictionColumn, labelColumn: hasLabels ? labelColumn : undefined, ignoreColumns: hasLabels ? [] : [labelColumn] });
  for (const row of rows) builder.firstPass(row);
  builder.plan();
  for (const row of rows) builder.secondPass(row);
  const profile = builder.result();
  if (profile.prediction) profile.prediction = { ...profile.prediction, name: 'prediction' };
  return profile;
}
