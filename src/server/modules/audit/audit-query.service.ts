import type { z } from 'zod';
import type { auditFiltersSchema } from '../../../shared/contract/audit';
import type { AuditFilters } from './audit-filters.repository';
import type { AuditEventRow } from './audit.tables';
import type { Db } from '../../db/database';
import { firstSeqFrom, lastSeqAt, toAuditEvent } from './audit-query.repository';

type FilterQuery = z.output<typeof auditFiltersSchema>;

/**
 * The contract's filters as the repository's: the time range becomes the stretch of the chain
 * recorded in it (first seq at or after `from`, last seq at or before `to`; -1 when none).
 */
export async function toFilters(db: Db, query: FilterQuery): Promise<AuditFilters> {
  const { from, to, ...rest } = query;
  const fromSeq = from === undefined ? undefined : ((await firstSeqFrom(db, Date.parse(from))) ?? Number.MAX_SAFE_INTEGER);
  const toSeq = to === undefined ? undefined : ((await lastSeqAt(db, Date.parse(to))) ?? -1);
  return { ...rest, fromSeq, toSeq };
}

export const parseCursor = (cursor: string | undefined) => (cursor === undefined ? undefined : Number(cursor));

/** A page of rows as the contract's page: the cursor is the seq of the last item. */
export function toPage(page: { rows: AuditEventRow[]; more: boolean }) {
  const last = page.rows.at(-1);
  return { items: page.rows.map(toAuditEvent), nextCursor: page.more && last ? String(last.seq) : null };
}
