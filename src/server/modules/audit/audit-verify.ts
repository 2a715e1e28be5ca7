import type { Db } from '../../db/database';
import { genesisHash, hashEvent } from './audit-hash';
import { eventsAfter, readHead } from './audit.repository';

export interface VerifyResult {
  ok: boolean;
  /** Events checked. */
  checked: number;
  lastSeq: number;
  /** The first broken link, if any. */
  broken: { seq: number; reason: string } | null;
}

const batchSize = 5000;

/**
 * Recomputes the chain from `fromSeq` (after a trusted `fromHash`) to the head and reports the
 * first event whose hash, link or sequence number does not match. Reads in keyset-paginated
 * batches, so memory stays flat at any size.
 */
export async function verifyAuditChain(db: Db, from: { seq: number; hash: string } = { seq: 0, hash: genesisHash }): Promise<VerifyResult> {
  let previous = from;
  let checked = 0;
  for (;;) {
    const rows = await eventsAfter(db, previous.seq, batchSize);
    for (const row of rows) {
      const fail = (reason: string): VerifyResult => ({ ok: false, checked, lastSeq: previous.seq, broken: { seq: row.seq, reason } });
      if (row.seq !== previous.seq + 1) return fail(`event ${previous.seq + 1} is missing (next present is ${row.seq})`);
      if (row.prev_hash !== previous.hash) return fail('its prev_hash does not match the hash of the event before it');
      const { hash } = row;
      if (hashEvent(row) !== hash) return fail('its content does not match its hash (the row was altered)');
      previous = { seq: row.seq, hash };
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  const head = await readHead(db);
  if (head.seq !== previous.seq || head.hash !== previous.hash) {
    return {
      ok: false,
      checked,
      lastSeq: previous.seq,
      broken: { seq: previous.seq + 1, reason: `the chain ends at ${previous.seq} but the head says ${head.seq} (events were deleted)` },
    };
  }
  return { ok: true, checked, lastSeq: previous.seq, broken: null };
}
