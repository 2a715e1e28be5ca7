import type { DatasetPage } from '../../../shared/contract/lineage';
import type { Db } from '../../db/database';
import { notFound } from '../../errors';
import { datasetEntries, runsOfDigests, versionsByRun } from './lineage.repository';

/** Runs listed on a dataset's page; the lineage graph (downstream) shows the rest. */
const maxRuns = 200;

/** Where a dataset digest was used: the runs that logged it and the model versions made from them. */
export async function datasetPage(db: Db, digest: string): Promise<DatasetPage> {
  const entries = await datasetEntries(db, digest);
  if (entries.length === 0) throw notFound(`No dataset with digest ${digest}`);
  const rows = await runsOfDigests(db, [digest], maxRuns + 1);
  const runs = rows.slice(0, maxRuns);
  const versions = await versionsByRun(db, [...new Set(runs.map((run) => run.run_uuid))]);
  return {
    digest,
    entries: entries.map((entry) => ({ name: entry.name, sourceType: entry.source_type, source: entry.source, schema: entry.schema, profile: entry.profile, experimentId: String(entry.experiment_id) })),
    runs: runs.map((run) => ({
      runId: run.run_uuid,
      runName: run.run_name,
      experimentId: String(run.experiment_id),
      status: run.status,
      deleted: run.lifecycle_stage === 'deleted',
      startTime: Number(run.start_time),
      userId: run.user_id,
      context: run.context ?? null,
    })),
    versions: versions
      .sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version)
      .map((row) => ({ name: row.name, version: row.version, deleted: row.deleted_time !== null, runId: row.run_id as string })),
    truncated: rows.length > maxRuns,
  };
}
