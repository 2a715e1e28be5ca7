/**
 * Reusable shared memory for the large blobs SQLite reader threads answer (a chart's ten 330 kB
 * metric histories), held by a request until its response has been sent.
 *
 * A blob posted from a reader thread arrives as a new ArrayBuffer. V8 counts those megabytes as
 * external memory, and at several megabytes per chart they set off a full collection of the
 * server's heap every few requests: ~50 ms of CPU each, which landed in the charts' p95 (and
 * slowed the readers, which share the cores). A reader instead copies its blob into a region of
 * the request's arena, and the response is written from there; the arena then serves the next
 * request, so a chart allocates no buffer for its values.
 */
export interface Arena {
  readonly buffer: SharedArrayBuffer;
  /** Returns the arena to the pool; nothing may read its memory afterwards. */
  release(): void;
}

/** Where a reader writes one blob. */
export interface BlobTarget {
  buffer: SharedArrayBuffer;
  offset: number;
  length: number;
}

/** Room for a 25,000-value chart (3.3 MB) several times over; only the pages written take memory. */
const arenaBytes = 16 * 1024 * 1024;
/** Idle arenas kept for the next requests; more concurrent charts allocate more, and let them go. */
const idleKept = 2;

const idle: SharedArrayBuffer[] = [];

export function acquireArena(): Arena {
  const buffer = idle.pop() ?? new SharedArrayBuffer(arenaBytes);
  let released = false;
  return {
    buffer,
    release() {
      if (released) return;
      released = true;
      if (idle.length < idleKept) idle.push(buffer);
    },
  };
}

/** The arena cut into `count` equal regions, one per blob. */
export function arenaRegions(arena: Arena, count: number): BlobTarget[] {
  const length = Math.floor(arena.buffer.byteLength / Math.max(1, count));
  return Array.from({ length: count }, (_, i) => ({ buffer: arena.buffer, offset: i * length, length }));
}
