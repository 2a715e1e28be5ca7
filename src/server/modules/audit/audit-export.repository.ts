import { type SqlBool, sql } from 'kysely';
import type { DatabaseHandle, Db, Dialect } from '../../db/database';
import { selectArrays } from '../../db/select-arrays';
import { type AuditFilters, filterExpression } from './audit-filters.repository';
import { type HashedRow, chainColumns } from './audit-hash';

/** A ChainRow and whether it matches the export's filters (1 or 0; pg may send it as a string). */
export type ScannedRow = [...HashedRow, hash: string, matches: number | string];
export const matchesAt = chainColumns.length;

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
 * Every event after `afterSeq` up to `toSeq`, in chain order, one keyset page at a time, each
 * flagged with whether it matches the filters: the export verifies the chain over all of them
 * and writes out the matching ones.
 */
export function scanPage(database: DatabaseHandle, filters: AuditFilters, range: { afterSeq: number; toSeq: number }, limit: number): Promise<ScannedRow[]> {
  const query = database.db
    .selectFrom('audit_events')
    .select(chainColumns)
    .select((eb) => {
      const condition = filterExpression(eb, database.dialect, filters);
      return (condition ? eb.case().when(condition).then(1).else(0).end() : eb.lit(1)).as('matches');
    })
    .where('seq', '>', range.afterSeq)
    .where('seq', '<=', range.toSeq)
    .orderBy('seq')
    .limit(limit);
  return selectArrays(database, query) as Promise<ScannedRow[]>;
}
