import type { Db } from '../../db/database';
import { invalidParameter, notFound } from '../../errors';
import { decodingLayers, joinArtifactPath } from '../artifacts/artifact-path';
import { artifactPathFromUri, artifactUriFor, isArtifactUri } from '../artifacts/artifact-uri';
import { findRunArtifactUri } from '../artifacts/artifacts.repository';
import { findLiveLoggedModelRow } from '../logged-models/logged-models.repository';
import { findModelVersionRow } from './model-versions.repository';
import { parseVersion } from './registry-validation';

/**
 * Model version sources (section 7 of the MLflow reference: CVE-2023-1177, -2356, -2780, -6909,
 * 2024-1593, -3573, 2026-2614). A version may only point at this server's own artifacts:
 *   - `mlflow-artifacts:/<path>`          a path in our store;
 *   - `runs:/<run_id>/<path>`             resolved through the run's artifact URI;
 *   - `models:/m-<id>`                    a logged model's artifact location (and its source run);
 *   - `models:/<name>/<version>`          another registered version's files (copy_model_version).
 * Everything else (`file:`, local paths, http, s3, …) is refused, and before any parsing the whole
 * source is checked at every percent-decoding level for `..`, backslashes, `;`, `#`, `?` and
 * control characters.
 */
export interface ResolvedSource {
  /** Canonical store path of the version's files. */
  storagePath: string;
  storageLocation: string;
  runId: string | null;
  modelId: string | null;
}

const runIdPattern = /^[a-zA-Z0-9][\w-]{0,255}$/;
const loggedModelPattern = /^m-[0-9a-f]{32}$/;

function refuse(source: string, reason: string): never {
  throw invalidParameter(
    `Invalid model version source ${JSON.stringify(source.slice(0, 300))}: ${reason}. Sextant accepts only its own artifacts: mlflow-artifacts:/<path>, runs:/<run_id>/<path> or models:/<model_id>.`,
  );
}

function checkRaw(source: string) {
  if (source === '') refuse(source, 'it is empty');
  for (const layer of decodingLayers(source)) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(layer)) refuse(source, 'it contains control characters');
    if (layer.includes('\\')) refuse(source, 'it contains a backslash');
    if (/[;#?]/.test(layer)) refuse(source, "URI parameters, queries and fragments (';', '?', '#') are not allowed");
    if (layer.split('/').includes('..')) refuse(source, "'..' segments are not allowed");
  }
}

async function storeUriOfRun(db: Db, runId: string): Promise<string> {
  const artifactUri = await findRunArtifactUri(db, runId);
  if (artifactUri === undefined) throw notFound(`Run with id=${runId} not found`);
  if (!isArtifactUri(artifactUri)) throw invalidParameter(`The artifacts of run ${runId} are not stored in Sextant (${artifactUri})`);
  return artifactUri;
}

function located(storagePath: string, runId: string | null, modelId: string | null): ResolvedSource {
  if (storagePath === '') throw invalidParameter('A model version source must name a directory inside the artifact store, not its root');
  return { storagePath, storageLocation: artifactUriFor(storagePath), runId, modelId };
}

function matchHint(kind: 'run_id' | 'model_id', given: string | undefined, fromSource: string | null, source: string) {
  if (given && fromSource && given !== fromSource) refuse(source, `it belongs to ${kind} ${fromSource}, not ${given}`);
}

export async function resolveModelSource(db: Db, source: string, hints: { runId?: string; modelId?: string }): Promise<ResolvedSource> {
  checkRaw(source);
  if (hints.runId) {
    if (!runIdPattern.test(hints.runId)) throw invalidParameter(`Invalid run_id ${JSON.stringify(hints.runId.slice(0, 100))}`);
    await storeUriOfRun(db, hints.runId);
  }
  if (hints.modelId && !(await findLiveLoggedModelRow(db, hints.modelId))) throw notFound(`Logged model with ID '${hints.modelId.slice(0, 100)}' not found.`);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(source)?.[1]?.toLowerCase();

  if (isArtifactUri(source)) return located(artifactPathFromUri(source), hints.runId || null, hints.modelId || null);

  if (scheme === 'runs') {
    const match = /^runs:\/([^/]+)(?:\/(.*))?$/i.exec(source);
    if (!match || !runIdPattern.test(match[1] as string)) refuse(source, 'expected runs:/<run_id>/<path>');
    const runId = match[1] as string;
    matchHint('run_id', hints.runId, runId, source);
    const runRoot = artifactPathFromUri(await storeUriOfRun(db, runId), { allowAuthority: true });
    const relative = artifactPathFromUri(`mlflow-artifacts:/${match[2] ?? ''}`);
    return located(joinArtifactPath(runRoot, relative), runId, hints.modelId || null);
  }

  if (scheme === 'models') {
    const reference = source.slice('models:/'.length);
    if (!source.toLowerCase().startsWith('models:/') || reference.startsWith('/')) refuse(source, 'expected models:/<model_id> or models:/<name>/<version>');
    if (loggedModelPattern.test(reference)) {
      matchHint('model_id', hints.modelId, reference, source);
      const loggedModel = await findLiveLoggedModelRow(db, reference);
      if (!loggedModel) throw notFound(`Logged model with ID '${reference}' not found.`);
      if (!isArtifactUri(loggedModel.artifact_location)) refuse(source, 'the logged model’s artifacts are not stored in Sextant');
      return located(artifactPathFromUri(loggedModel.artifact_location, { allowAuthority: true }), hints.runId || loggedModel.source_run_id, reference);
    }
    const slash = reference.lastIndexOf('/');
    if (slash <= 0) refuse(source, 'expected models:/<model_id> or models:/<name>/<version>');
    const name = reference.slice(0, slash);
    const version = parseVersion(reference.slice(slash + 1));
    const original = await findModelVersionRow(db, name, version);
    if (!original) throw notFound(`Model Version (name=${name}, version=${version}) not found`);
    const storageLocation = original.storage_location ?? original.source;
    return located(artifactPathFromUri(storageLocation, { allowAuthority: true }), hints.runId || original.run_id, hints.modelId || original.model_id);
  }

  return refuse(source, scheme ? `the '${scheme}:' scheme is not accepted` : 'local paths are not accepted');
}
