import type { DatabaseHandle } from '../db/database';
import { inTransaction } from '../db/transaction';
import { type AuditEntry, appendAudit } from '../modules/audit/audit.service';

export interface TestEvent extends AuditEntry {
  /** Actor name (default `alice`), authenticated by `via` (default `session`). */
  actor?: string;
  via?: string;
}

/**
 * Appends events through the real `appendAudit` (so the chain is real), as other modules will:
 * tests of the audit trail use it for promotion, deployment and alias events.
 */
export async function appendTestEvents(database: DatabaseHandle, events: TestEvent[]): Promise<number[]> {
  const seqs: number[] = [];
  for (const { actor = 'alice', via = 'session', ...entry } of events) {
    const context = { actor: { id: null, name: actor, via }, requestId: 'test-request', clientIp: '10.0.0.1' };
    seqs.push(await inTransaction(database, (tx) => appendAudit(tx, context, entry)));
  }
  return seqs;
}
