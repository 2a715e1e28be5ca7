import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { invalidParameter, notFound } from '../../errors';
import type { MultipartUpload, UploadedPart } from './artifact-store';
import { errnoOf, streamToFile, tempFileIn } from './store-files';

const uploadIdPattern = /^[0-9a-f]{32}$/;
export const maxPartNumber = 10_000;
/** A completed file may not exceed this many bytes in total (parts have their own limit). */
const maxAssembledBytes = 5 * 1024 ** 4;

/**
 * Multipart uploads for the local store: each upload is a staging directory (outside the
 * artifact root, so half-finished uploads never show in listings) holding its metadata and one
 * file per part. Completing streams the parts, in order, into the target file.
 */
export class LocalMultipartUploads {
  constructor(private readonly stagingDir: string) {}

  async create(artifactPath: string, createdBy: number): Promise<MultipartUpload> {
    const upload: MultipartUpload = { uploadId: randomBytes(16).toString('hex'), path: artifactPath, createdBy, createdAt: Date.now() };
    await mkdir(this.dirOf(upload.uploadId), { recursive: true });
    await writeFile(path.join(this.dirOf(upload.uploadId), 'upload.json'), JSON.stringify(upload), { flag: 'wx' });
    return upload;
  }

  async get(uploadId: string): Promise<MultipartUpload | null> {
    if (!uploadIdPattern.test(uploadId)) return null;
    try {
      return JSON.parse(await readFile(path.join(this.dirOf(uploadId), 'upload.json'), 'utf8')) as MultipartUpload;
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return null;
      throw error;
    }
  }

  async require(uploadId: string): Promise<MultipartUpload> {
    const upload = await this.get(uploadId);
    if (!upload) throw notFound(`Multipart upload '${String(uploadId).slice(0, 64)}' not found`);
    return upload;
  }

  async uploadPart(uploadId: string, partNumber: number, body: Readable, maxBytes: number): Promise<UploadedPart> {
    await this.require(uploadId);
    assertPartNumber(partNumber);
    const dir = this.dirOf(uploadId);
    const temp = tempFileIn(dir);
    const { digests } = await streamToFile([body], temp, maxBytes, ['md5']);
    await rename(temp, this.partFile(uploadId, partNumber));
    // S3-style ETag: the quoted MD5 of the part.
    const etag = `"${digests.md5}"`;
    await writeFile(`${this.partFile(uploadId, partNumber)}.etag`, etag);
    return { partNumber, etag };
  }

  /** Checks the client's part list against what was uploaded, then concatenates the parts. */
  async assemble(uploadId: string, parts: UploadedPart[], target: string) {
    if (parts.length === 0) throw invalidParameter('A multipart upload needs at least one part');
    let previous = 0;
    for (const part of parts) {
      assertPartNumber(part.partNumber);
      if (part.partNumber <= previous) throw invalidParameter('Parts must be listed in ascending part_number order, each once');
      previous = part.partNumber;
      const stored = await readFile(`${this.partFile(uploadId, part.partNumber)}.etag`, 'utf8').catch(() => null);
      if (stored === null) throw invalidParameter(`Part ${part.partNumber} was not uploaded`);
      if (unquote(stored) !== unquote(part.etag)) throw invalidParameter(`The etag of part ${part.partNumber} does not match the uploaded part`);
    }
    const files = parts.map((part) => this.partFile(uploadId, part.partNumber));
    // A generator opens each part only when its turn comes: one file handle at a time.
    const sources = (function* () {
      for (const file of files) yield createReadStream(file);
    })();
    return streamToFile(sources, target, maxAssembledBytes);
  }

  async remove(uploadId: string): Promise<void> {
    if (!uploadIdPattern.test(uploadId)) return;
    await rm(this.dirOf(uploadId), { recursive: true, force: true });
  }

  private dirOf(uploadId: string): string {
    if (!uploadIdPattern.test(uploadId)) throw invalidParameter('Invalid upload_id');
    return path.join(this.stagingDir, uploadId);
  }

  private partFile(uploadId: string, partNumber: number): string {
    return path.join(this.dirOf(uploadId), `part-${partNumber}`);
  }
}

function assertPartNumber(partNumber: number) {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > maxPartNumber) {
    throw invalidParameter(`part_number must be an integer from 1 to ${maxPartNumber}`);
  }
}

function unquote(etag: string): string {
  return etag.trim().replace(/^"|"$/g, '');
}
