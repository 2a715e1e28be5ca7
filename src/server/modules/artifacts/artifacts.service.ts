import type { Readable } from 'node:stream';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { ApiError, forbidden } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import type { ArtifactStore, StoredArtifact, UploadedPart } from './artifact-store';
import { findRegisteredSourceOverlapping } from './artifacts.repository';

/** Limits on artifact bodies. Uploads stream to disk, so these bound disk use, not memory. */
export const maxArtifactBytes = 64 * 1024 ** 3;
export const maxPartBytes = 5 * 1024 ** 3;
/** MLflow's UI upload endpoint takes at most 10 MB. */
export const maxUiUploadBytes = 10 * 1024 * 1024;

export interface ArtifactDeps {
  database: DatabaseHandle;
  store: ArtifactStore;
}

/**
 * Files a live model version was registered from are frozen: overwriting or deleting them would
 * change what `models:/name/N` loads without any registry event (model poisoning, CVE-2026-2651's
 * consequence). Delete the version first to change them.
 */
export async function assertNotRegisteredSource(deps: ArtifactDeps, path: string): Promise<void> {
  const source = await findRegisteredSourceOverlapping(deps.database.db, path);
  if (source) {
    throw forbidden(
      `Artifact '${path}' belongs to version ${source.version} of registered model '${source.name}' (${source.storageLocation}); registered model files cannot be changed`,
    );
  }
}

async function auditUpload(deps: ArtifactDeps, context: AuditContext, stored: StoredArtifact, via: string) {
  await inTransaction(deps.database, (tx) =>
    appendAudit(tx, context, {
      action: 'artifact.upload',
      entityType: 'artifact',
      entityId: stored.path,
      after: { size: stored.size, sha256: stored.sha256, via },
    }),
  );
}

/** Streams an upload into the store; the audit event is written before the file becomes visible. */
export async function uploadArtifact(deps: ArtifactDeps, context: AuditContext, path: string, body: Readable, maxBytes: number, via = 'put') {
  await assertNotRegisteredSource(deps, path);
  return deps.store.write(path, body, { maxBytes, beforePublish: (stored) => auditUpload(deps, context, stored, via) });
}

export async function deleteArtifact(deps: ArtifactDeps, context: AuditContext, path: string): Promise<void> {
  await assertNotRegisteredSource(deps, path);
  const existing = await deps.store.stat(path);
  if (!existing) return;
  await inTransaction(deps.database, async (tx) => {
    await appendAudit(tx, context, {
      action: 'artifact.delete',
      entityType: 'artifact',
      entityId: path,
      before: existing.isDir ? { isDir: true } : { size: existing.size },
    });
    await deps.store.delete(path);
  });
}

export async function createMultipartUpload(deps: ArtifactDeps, context: AuditContext, path: string) {
  if (context.actor.id === null) throw forbidden('Multipart uploads need a signed-in user');
  await assertNotRegisteredSource(deps, path);
  return inTransaction(deps.database, async (tx) => {
    const upload = await deps.store.createMultipartUpload(path, context.actor.id as number);
    await appendAudit(tx, context, { action: 'artifact.multipart-create', entityType: 'artifact', entityId: path, after: { uploadId: upload.uploadId } });
    return upload;
  });
}

/** Only whoever created an upload may finish or abort it, and only for the path it was created for. */
async function ownedUpload(deps: ArtifactDeps, context: AuditContext, uploadId: string, path: string) {
  const upload = await deps.store.getMultipartUpload(uploadId);
  if (!upload || upload.path !== path) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Multipart upload '${uploadId.slice(0, 64)}' not found for '${path}'`);
  if (upload.createdBy !== context.actor.id) throw forbidden('This multipart upload was started by another user');
  return upload;
}

export async function completeMultipartUpload(deps: ArtifactDeps, context: AuditContext, uploadId: string, path: string, parts: UploadedPart[]) {
  await ownedUpload(deps, context, uploadId, path);
  await assertNotRegisteredSource(deps, path);
  return deps.store.completeMultipartUpload(uploadId, parts, { beforePublish: (stored) => auditUpload(deps, context, stored, 'multipart') });
}

export async function abortMultipartUpload(deps: ArtifactDeps, context: AuditContext, uploadId: string, path: string) {
  await ownedUpload(deps, context, uploadId, path);
  await inTransaction(deps.database, async (tx) => {
    await appendAudit(tx, context, { action: 'artifact.multipart-abort', entityType: 'artifact', entityId: path, before: { uploadId } });
    await deps.store.abortMultipartUpload(uploadId);
  });
}

/** Every entry of a directory (the proxy listing is not paged in MLflow). */
export async function listWholeDirectory(store: ArtifactStore, dir: string) {
  const entries = [];
  let pageToken: string | undefined;
  do {
    const page = await store.list(dir, { pageToken });
    entries.push(...page.entries);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return entries;
}
