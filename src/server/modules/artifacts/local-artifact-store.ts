import { createReadStream } from 'node:fs';
import { lstat, mkdir, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ApiError, invalidParameter, notFound } from '../../errors';
import { isCanonicalArtifactPath } from './artifact-path';
import type { ArtifactPage, ArtifactStat, ArtifactStore, PutOptions, StoredArtifact, UploadedPart } from './artifact-store';
import { LocalMultipartUploads } from './local-multipart-uploads';
import { errnoOf, isTempFileName, streamToFile, tempFileIn } from './store-files';

const defaultPageSize = 1000;

/**
 * Artifacts as files under one root directory. Every path is checked twice: it must be canonical
 * (no `..`, no absolute path: see artifact-path.ts), and its real location (symlinks resolved)
 * must stay under the real root. Writes stream to a hidden temporary file and are renamed into
 * place, so readers never see half an upload.
 */
export class LocalArtifactStore implements ArtifactStore {
  private readonly uploads: LocalMultipartUploads;
  private rootReady: Promise<string> | undefined;

  constructor(
    readonly root: string,
    stagingDir: string,
  ) {
    this.uploads = new LocalMultipartUploads(stagingDir);
  }

  async stat(artifactPath: string): Promise<ArtifactStat | null> {
    const file = await this.resolve(artifactPath);
    try {
      const info = await stat(file);
      return { isDir: info.isDirectory(), size: info.isDirectory() ? 0 : info.size };
    } catch (error) {
      if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return null;
      throw error;
    }
  }

  async read(artifactPath: string): Promise<{ stream: Readable; size: number }> {
    const file = await this.resolve(artifactPath);
    const info = await this.stat(artifactPath);
    if (!info) throw notFound(`Artifact '${artifactPath}' not found`);
    if (info.isDir) throw invalidParameter(`Artifact '${artifactPath}' is a directory; list it instead`);
    // Open the resolved real path: a symlink swapped in after the check cannot redirect the read.
    return { stream: createReadStream(await realpath(file)), size: info.size };
  }

  async write(artifactPath: string, body: Readable, options: PutOptions): Promise<StoredArtifact> {
    if (artifactPath === '') throw invalidParameter('Cannot write to the artifact root; name a file');
    const file = await this.resolve(artifactPath);
    await this.makeParentDirs(artifactPath, file);
    const temp = tempFileIn(path.dirname(file));
    const { size, digests } = await streamToFile([body], temp, options.maxBytes);
    const stored = { path: artifactPath, size, sha256: digests.sha256 as string };
    await this.publish(temp, file, stored, options.beforePublish);
    return stored;
  }

  async list(dir: string, options: { pageToken?: string; pageSize?: number } = {}): Promise<ArtifactPage> {
    const directory = await this.resolve(dir);
    const realRoot = await this.realRoot();
    let names: string[];
    try {
      names = (await readdir(directory)).filter((name) => !isTempFileName(name)).sort();
    } catch (error) {
      if (['ENOENT', 'ENOTDIR'].includes(errnoOf(error) ?? '')) return { entries: [] };
      throw error;
    }
    const after = decodePageToken(options.pageToken);
    const pageSize = options.pageSize ?? defaultPageSize;
    const start = after === undefined ? 0 : names.findIndex((name) => name > after);
    const entries: ArtifactPage['entries'] = [];
    let index = start === -1 ? names.length : start;
    for (; index < names.length && entries.length < pageSize; index++) {
      const name = names[index] as string;
      const full = path.join(directory, name);
      // Skip entries a symlink points outside the root (an operator's mistake, never followed).
      const real = await realpath(full).catch(() => null);
      if (!real || !isInside(realRoot, real)) continue;
      const info = await stat(real);
      const entryPath = dir === '' ? name : `${dir}/${name}`;
      entries.push(info.isDirectory() ? { path: entryPath, name, isDir: true } : { path: entryPath, name, isDir: false, size: info.size });
    }
    const last = entries.at(-1);
    return index < names.length && last ? { entries, nextPageToken: encodePageToken(last.name) } : { entries };
  }

  async delete(artifactPath: string): Promise<boolean> {
    if (artifactPath === '') throw invalidParameter('Cannot delete the artifact root');
    // A symlink is deleted itself (never what it points to), so only its directory must be inside.
    const file = await this.resolve(artifactPath, { followLeaf: false });
    try {
      await lstat(file);
    } catch (error) {
      if (['ENOENT', 'ENOTDIR'].includes(errnoOf(error) ?? '')) return false;
      throw error;
    }
    // rm removes a symlink itself, never what it points to.
    await rm(file, { recursive: true, force: true });
    return true;
  }

  async createMultipartUpload(artifactPath: string, createdBy: number) {
    if (artifactPath === '') throw invalidParameter('Cannot upload to the artifact root; name a file');
    await this.resolve(artifactPath);
    return this.uploads.create(artifactPath, createdBy);
  }

  getMultipartUpload(uploadId: string) {
    return this.uploads.get(uploadId);
  }

  uploadPart(uploadId: string, partNumber: number, body: Readable, options: { maxBytes: number }) {
    return this.uploads.uploadPart(uploadId, partNumber, body, options.maxBytes);
  }

  async completeMultipartUpload(uploadId: string, parts: UploadedPart[], options: Omit<PutOptions, 'maxBytes'>): Promise<StoredArtifact> {
    const upload = await this.uploads.require(uploadId);
    const file = await this.resolve(upload.path);
    await this.makeParentDirs(upload.path, file);
    const temp = tempFileIn(path.dirname(file));
    const { size, digests } = await this.uploads.assemble(uploadId, parts, temp);
    const stored = { path: upload.path, size, sha256: digests.sha256 as string };
    await this.publish(temp, file, stored, options.beforePublish);
    await this.uploads.remove(uploadId);
    return stored;
  }

  async abortMultipartUpload(uploadId: string): Promise<void> {
    await this.uploads.require(uploadId);
    await this.uploads.remove(uploadId);
  }

  /** The absolute file for a store path, refusing anything that would land outside the root. */
  private async resolve(artifactPath: string, options: { followLeaf?: boolean } = {}): Promise<string> {
    if (!isCanonicalArtifactPath(artifactPath)) throw invalidParameter(`Invalid artifact path ${JSON.stringify(artifactPath.slice(0, 200))}`);
    const realRoot = await this.realRoot();
    const file = path.join(realRoot, ...artifactPath.split('/').filter(Boolean));
    if (!isInside(realRoot, file)) throw escaped();
    // The deepest part of the path that exists must really be inside the root (symlinks resolved).
    const start = options.followLeaf === false ? path.dirname(file) : file;
    for (let probe = start; ; probe = path.dirname(probe)) {
      const real = await realpath(probe).catch((error: unknown) => {
        if (['ENOENT', 'ENOTDIR'].includes(errnoOf(error) ?? '')) return null;
        throw error;
      });
      if (real !== null) {
        if (!isInside(realRoot, real)) throw escaped();
        return file;
      }
      if (probe === realRoot) return file;
    }
  }

  private async makeParentDirs(artifactPath: string, file: string): Promise<void> {
    try {
      await mkdir(path.dirname(file), { recursive: true });
    } catch (error) {
      if (['EEXIST', 'ENOTDIR'].includes(errnoOf(error) ?? '')) {
        throw invalidParameter(`Cannot write '${artifactPath}': a file exists where a directory of its path should be`);
      }
      throw error;
    }
    await this.resolve(artifactPath);
  }

  private async publish(temp: string, file: string, stored: StoredArtifact, beforePublish: PutOptions['beforePublish']) {
    try {
      const existing = await lstat(file).catch(() => null);
      if (existing?.isDirectory()) throw invalidParameter(`Cannot write '${stored.path}': it is a directory`);
      await beforePublish?.(stored);
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  private realRoot(): Promise<string> {
    this.rootReady ??= mkdir(this.root, { recursive: true }).then(() => realpath(this.root));
    return this.rootReady;
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}

function escaped() {
  return new ApiError('PERMISSION_DENIED', 'The artifact path leads outside the artifact store');
}

function encodePageToken(after: string): string {
  return Buffer.from(JSON.stringify({ after })).toString('base64url');
}

function decodePageToken(token: string | undefined): string | undefined {
  if (!token) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch {
    // fall through
  }
  throw invalidParameter('Invalid page token');
}
