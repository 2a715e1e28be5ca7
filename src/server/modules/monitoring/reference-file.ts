import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import Papa from 'papaparse';
import { ApiError, invalidParameter } from '../../errors';

export type ReferenceFormat = 'csv' | 'parquet';

/** Streams an upload to a temporary file: Parquet needs random access, CSV is read twice. */
export async function spoolUpload(body: Readable, limitBytes: number): Promise<{ file: string; cleanup: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sextant-reference-'));
  const file = path.join(dir, 'upload');
  const cleanup = () => fs.rm(dir, { recursive: true, force: true });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limitBytes) done(new ApiError('PAYLOAD_TOO_LARGE', `Reference files are limited to ${Math.round(limitBytes / 1024 / 1024)} MiB`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(file));
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { file, cleanup };
}

/** Parquet by its magic bytes; CSV if the start of the file is text. Anything else is a 400. */
export async function detectFormat(file: string): Promise<ReferenceFormat> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw invalidParameter('The reference file is empty');
    const head = Buffer.alloc(Math.min(size, 4096));
    await handle.read(head, 0, head.length, 0);
    if (size >= 12 && head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
    if (head.includes(0) || !isUtf8Prefix(head)) throw invalidParameter('The reference file is neither CSV nor Parquet');
    return 'csv';
  } finally {
    await handle.close();
  }
}

function isUtf8Prefix(bytes: Buffer): boolean {
  // The last character may be cut by the 4 KiB window: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= 3 && cut < bytes.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      // try a shorter prefix
    }
  }
  return false;
}

/** Calls `onRow` for every row, streaming: one CSV chunk or one Parquet row group at a time. */
export async function forEachRow(file: string, format: ReferenceFormat, onRow: (row: Record<string, unknown>) => void): Promise<void> {
  if (format === 'parquet') return forEachParquetRow(file, onRow);
  await new Promise<void>((resolve, reject) => {
    Papa.parse<Record<string, string>>(createReadStream(file, 'utf8'), {
      header: true,
      skipEmptyLines: 'greedy',
      transformHeader: (h) => h.trim(),
      step: (result) => onRow(result.data),
      complete: () => resolve(),
      error: (error: Error) => reject(invalidParameter(`The CSV file could not be read: ${error.message}`)),
    });
  });
}

async function forEachParquetRow(file: string, onRow: (row: Record<string, unknown>) => void): Promise<void> {
  const buffer = await asyncBufferFromFile(file);
  let metadata;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw invalidParameter(`The Parquet file could not be read: ${(error as Error).message}`);
  }
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd });
    for (const row of rows) onRow(row);
    rowStart = rowEnd;
  }
}
