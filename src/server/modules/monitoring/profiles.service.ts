import type { Readable } from 'node:stream';
import type { FeatureType, ReferenceProfileSummary } from '../../../shared/contract/monitoring';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { invalidParameter, notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { modelVersionExists } from '../registry/model-versions.repository';
import type { ProfileCache } from './profile-cache';
import { ProfileBuilder, type ProfileOptions } from './profile-builder';
import { insertProfile, toProfileSummary } from './profiles.repository';
import { detectFormat, forEachRow, spoolUpload } from './reference-file';

export const referenceUploadLimit = 1024 * 1024 * 1024;

export interface UploadOptions {
  fileName?: string | undefined;
  predictionColumn?: string | undefined;
  labelColumn?: string | undefined;
  ignoreColumns?: string | undefined;
  types?: string | undefined;
}

/** Builds and stores the reference profile of a version from an uploaded CSV or Parquet file. */
export async function uploadReference(
  database: DatabaseHandle,
  cache: ProfileCache,
  target: { modelName: string; version: number },
  body: Readable,
  options: UploadOptions,
  context: AuditContext,
): Promise<ReferenceProfileSummary> {
  if (!(await modelVersionExists(database.db, target.modelName, target.version))) {
    body.resume();
    throw notFound(`No version ${target.version} of model "${target.modelName}"`);
  }
  const profileOptions = parseOptions(options);
  const { file, cleanup } = await spoolUpload(body, referenceUploadLimit);
  try {
    const format = await detectFormat(file);
    const builder = new ProfileBuilder(profileOptions);
    await forEachRow(file, format, (row) => builder.firstPass(row));
    const features = builder.plan();
    if (features.length === 0) throw invalidParameter('The reference file has no usable feature columns (no rows, or every column empty)');
    await forEachRow(file, format, (row) => builder.secondPass(row));
    const profile = builder.result();
    if (profileOptions.predictionColumn && !profile.prediction) {
      throw invalidParameter(`The prediction column "${profileOptions.predictionColumn}" is missing or empty`);
    }
    const sourceName = options.fileName ?? `reference.${format}`;
    const stored = await inTransaction(database, async (tx) => {
      const saved = await insertProfile(tx, { ...target, source: 'upload', sourceName, createdBy: context.actor.name, profile });
      await appendAudit(tx, context, {
        action: 'monitoring.reference-created',
        entityType: 'model-version',
        entityId: `${target.modelName}/${target.version}`,
        after: { profileId: saved.id, source: 'upload', sourceName, rows: profile.rowCount, features: features },
      });
      return saved;
    });
    cache.evict(target.modelName, target.version);
    return toProfileSummary(stored);
  } finally {
    await cleanup();
  }
}

function parseOptions(options: UploadOptions): ProfileOptions {
  const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const types: Record<string, FeatureType> = {};
  for (const entry of list(options.types)) {
    const [name, type] = entry.split(':').map((s) => s.trim());
    if (!name || (type !== 'numeric' && type !== 'categorical')) {
      throw invalidParameter('types must look like "age:numeric,city:categorical"', [{ path: 'query.types', message: `bad entry "${entry}"` }]);
    }
    types[name] = type;
  }
  return { predictionColumn: options.predictionColumn, labelColumn: options.labelColumn, ignoreColumns: list(options.ignoreColumns), types };
}
