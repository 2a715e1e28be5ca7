import type { Readable } from 'node:stream';

/**
 * Where artifact bytes live. Paths are canonical store paths (see artifact-path.ts): relative,
 * `/`-separated, validated by the caller and checked again by the store. The local directory
 * store implements it today; an S3-compatible store maps the same calls onto objects
 * (put → PutObject, list → ListObjectsV2 with a delimiter, multipart → its own multipart API).
 */
export interface ArtifactEntry {
  /** Store path of the entry. */
  path: string;
  /** Last segment of the path. */
  name: string;
  isDir: boolean;
  /** Bytes; absent for directories. */
  size?: number;
}

export interface ArtifactStat {
  isDir: boolean;
  size: number;
}

export interface ArtifactPage {
  entries: ArtifactEntry[];
  /** Opaque; present when more entries follow. */
  nextPageToken?: string;
}

/** What was stored: reported to `beforePublish` and returned, so callers can audit it. */
export interface StoredArtifact {
  path: string;
  size: number;
  sha256: string;
}

export interface PutOptions {
  /** Refuse bodies larger than this (413). */
  maxBytes: number;
  /**
   * Runs once the bytes are stored but before they become visible at `path`; if it throws,
   * nothing is published. Used to write the audit event in the same step.
   */
  beforePublish?: (stored: StoredArtifact) => Promise<void>;
}

export interface MultipartUpload {
  uploadId: string;
  path: string;
  /** User id of whoever created it: only they may add parts, complete or abort it. */
  createdBy: number;
  createdAt: number;
}

export interface UploadedPart {
  partNumber: number;
  etag: string;
}

export interface ArtifactStore {
  stat(path: string): Promise<ArtifactStat | null>;
  /** Opens a file for reading; RESOURCE_DOES_NOT_EXIST if absent, INVALID_PARAMETER_VALUE for a directory. */
  read(path: string): Promise<{ stream: Readable; size: number }>;
  write(path: string, body: Readable, options: PutOptions): Promise<StoredArtifact>;
  /** The direct children of a directory, sorted by name; empty when the directory does not exist. */
  list(dir: string, options?: { pageToken?: string; pageSize?: number }): Promise<ArtifactPage>;
  /** Deletes a file or a whole directory; false if nothing was there. */
  delete(path: string): Promise<boolean>;

  createMultipartUpload(path: string, createdBy: number): Promise<MultipartUpload>;
  getMultipartUpload(uploadId: string): Promise<MultipartUpload | null>;
  uploadPart(uploadId: string, partNumber: number, body: Readable, options: { maxBytes: number }): Promise<UploadedPart>;
  completeMultipartUpload(uploadId: string, parts: UploadedPart[], options: Omit<PutOptions, 'maxBytes'>): Promise<StoredArtifact>;
  abortMultipartUpload(uploadId: string): Promise<void>;
}
