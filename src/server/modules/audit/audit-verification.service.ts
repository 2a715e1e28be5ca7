import type { ChainStatus } from '../../../shared/contract/audit';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { genesisHash, signCheckpoint } from './audit-hash';
import { eventHashAt, latestCheckpoint, replaceVerifiedCheckpoint } from './audit-retention.repository';
import { verifyAuditChain } from './audit-verify';
import { readHead } from './audit.repository';
import type { AuditCheckpointRow } from './audit.tables';

const iso = (ms: number) => new Date(ms).toISOString();
const isSigned = (secret: string, checkpoint: AuditCheckpointRow) => signCheckpoint(secret, checkpoint) === checkpoint.signature;

/**
 * Verifies the chain. `full` starts at the beginning, or after the newest retention checkpoint
 * (whose HMAC must verify: without the app secret nobody can forge one to hide a deletion).
 * `incremental` starts after the last verified checkpoint when that row still has the hash it had,
 * so it catches every change to events appended since, and cheaply; only `full` re-reads
 * everything and so also catches a change to an event that had been verified before.
 */
export async function verifyChain(database: DatabaseHandle, secret: string, mode: 'full' | 'incremental'): Promise<ChainStatus> {
  const { db } = database;
  const retention = await latestCheckpoint(db, 'retention');
  const retentionCheckpoint = retention ? { seq: retention.seq, hash: retention.hash, createdAt: iso(retention.created_at) } : null;
  const head = await readHead(db);
  const status = { mode, head, retentionCheckpoint, verifiedAt: new Date().toISOString() };
  if (retention && !isSigned(secret, retention)) {
    const reason = `the retention checkpoint at ${retention.seq} is not signed by this server (altered or forged)`;
    return { ...status, ok: false, fromSeq: 0, checked: 0, verifiedThroughSeq: 0, broken: { seq: retention.seq + 1, reason } };
  }

  let start = retention ? { seq: retention.seq, hash: retention.hash } : { seq: 0, hash: genesisHash };
  if (mode === 'incremental') {
    const verified = await latestCheckpoint(db, 'verified');
    if (verified && verified.seq > start.seq && isSigned(secret, verified)) {
      const row = await eventHashAt(db, verified.seq);
      if (row?.hash === verified.hash) start = { seq: verified.seq, hash: verified.hash };
    }
  }

  const result = await verifyAuditChain(database, start);
  if (result.ok && result.lastSeq > start.seq) {
    const lastHash = result.lastSeq === head.seq ? head.hash : ((await eventHashAt(db, result.lastSeq))?.hash ?? head.hash);
    const checkpoint = { kind: 'verified', seq: result.lastSeq, hash: lastHash, created_at: Date.now() };
    await inTransaction(database, (tx) => replaceVerifiedCheckpoint(tx, { ...checkpoint, signature: signCheckpoint(secret, checkpoint) }));
  }
  return { ...status, ok: result.ok, fromSeq: start.seq, checked: result.checked, verifiedThroughSeq: result.lastSeq, broken: result.broken };
}
