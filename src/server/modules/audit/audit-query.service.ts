import type { z } from 'zod';
import type { auditFiltersSchema } from '../../../shared/contract/audit';
import type { AuditFilters } from './audit-filters.repository';
import type { AuditEventRow } from './audit.tables';
import { toAuditEvent } from './audit-query.repository';

type FilterQuery = z.output<typeof auditFiltersSchema>;

/** The contract's filters (ISO times) as the repository's (epoch milliseconds). */
export function toFilters(query: FilterQuery): AuditFilters {
  const { from, to, ...rest } = query;
  return { ...rest, fromMs: from === undefined ? undefined : Date.parse(from), toMs: to === undefined ? undefined : Date.parse(to) };
}

export const parseCursor = (cursor: string | undefined) => (cursor === undefined ? undefined : Number(cursor));

/** A page of rows as the contract's page: the cursor is the seq of the last item. */
export function toPage(page: { rows: AuditEventRow[]; more: boolean }) {
  const last = page.rows.at(-1);
  return { items: page.rows.map(toAuditEvent), nextCursor: page.more && last ? String(last.seq) : null };
}
