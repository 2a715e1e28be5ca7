import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../errors';
import { reservedSegmentPrefix } from './artifact-path';

/** File helpers shared by the local store and its multipart uploads. */

export function tempFileIn(dir: string): string {
  return path.join(dir, `${reservedSegmentPrefix}upload-${randomBytes(8).toString('hex')}`);
}

export function isTempFileName(name: string): boolean {
  return name.startsWith(reservedSegmentPrefix);
}

export function tooLarge(maxBytes: number) {
  return new ApiError('PAYLOAD_TOO_LARGE', `The artifact is larger than the limit of ${maxBytes} bytes`);
}

/**
 * Streams `sources` (in order) into a new file, hashing as it goes and stopping at `maxBytes`.
 * Memory stays flat whatever the size. Removes the file if anything fails.
 */
export async function streamToFile(
  sources: Iterable<Readable>,
  file: string,
  maxBytes: number,
  digests: Array<'sha256' | 'md5'> = ['sha256'],
): Promise<{ size: number; digests: Record<string, string> }> {
  const hashes = digests.map((name) => [name, createHash(name)] as const);
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) return callback(tooLarge(maxBytes));
      for (const [, hash] of hashes) hash.update(chunk);
      callback(null, chunk);
    },
  });
  const out = createWriteStream(file, { flags: 'wx' });
  try {
    const feed = async function* () {
      for (const source of sources) for await (const chunk of source) yield chunk as Buffer;
    };
    await pipeline(feed, meter, out);
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { size, digests: Object.fromEntries(hashes.map(([name, hash]) => [name, hash.digest('hex')])) };
}

/** Node's error code, if any. */
export function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
