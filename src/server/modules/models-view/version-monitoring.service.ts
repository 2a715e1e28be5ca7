import type { VersionMonitoring } from '../../../shared/contract/models';
import type { Db } from '../../db/database';
import { versionDriftSummary } from '../monitoring/version-health.service';
import { modelVersionNotFound } from '../registry/registry-errors';
import { anyVersionRow } from './models-view.repository';

/** The version page's monitoring card: the same drift summary the promotion gate reads. */
export async function versionMonitoring(db: Db, name: string, version: number): Promise<VersionMonitoring> {
  if (!(await anyVersionRow(db, name, version))) throw modelVersionNotFound(name, version);
  const summary = await versionDriftSummary(db, name, version);
  return {
    events: summary.events,
    from: summary.from,
    to: summary.to,
    hasReference: summary.hasReference,
    driftShare: summary.driftShare,
    datasetDrift: summary.datasetDrift,
    criticallyDrifted: summary.criticallyDrifted,
    driftedFeatures: summary.features.filter((feature) => feature.drifted).map((feature) => feature.feature),
  };
}
