import { type SqlBool, sql } from 'kysely';
import type { Db, Dialect } from '../../db/database';
import { type AuditFilters, filterExpression } from './audit-filters.repository';
import type { AuditEventRow } from './audit.tables';

export type ScannedRow = AuditEventRow & { matches: number };

/** The first (or last) seq matching the filters: the range an export scans and verifies. */
export async function boundarySeq(db: Db, dialect: Dialect, filters: AuditFilters, which: 'first' | 'last'): Promise<number | null> {
  const row = await db
    .selectFrom('audit_events')
    .select('seq')
    .where((eb) => filterExpression(eb, dialect, filters) ?? sql<SqlBool>`1 = 1`)
    .orderBy('seq', which === 'first' ? 'asc' : 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.seq ?? null;
}

/**
 * Every event after `afterSeq` up to `toSeq`, in chain order, one keyset batch at a time, each
 * flagged with whether it matches the filters (`matches` = 1): the export verifies the chain over
 * all of them and writes out the matching ones.
 */
export function scanBatch(db: Db, dialect: Dialect, filters: AuditFilters, range: { afterSeq: number; toSeq: number }, limit: number) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .select((eb) => {
      const condition = filterExpression(eb, dialect, filters);
      return (condition ? eb.case().when(condition).then(1).else(0).end() : eb.lit(1)).as('matches');
    })
    .where('seq', '>', range.afterSeq)
    .where('seq', '<=', range.toSeq)
    .orderBy('seq')
    .limit(limit)
    .execute() as Promise<ScannedRow[]>;
}
