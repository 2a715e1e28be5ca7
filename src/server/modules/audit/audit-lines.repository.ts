import { type RawBuilder, sql } from 'kysely';
import type { DatabaseHandle, Dialect } from '../../db/database';
import { selectArrays } from '../../db/select-arrays';
import { type AuditFilters, filterExpression } from './audit-filters.repository';
import { chainColumns } from './audit-hash';

const integerColumns = new Set<string>(['actor_id', 'occurred_at', 'seq']);

/**
 * A row's JSON Lines record (the export's format: its hash material with `hash` added last),
 * encoded by the database: every column under its name, in `chainColumns` order. SQLite's
 * json_object and PostgreSQL's to_json escape strings as JSON.stringify does (see
 * audit-lines.test.ts); where a stored value encodes differently (a REAL, a BLOB, invalid UTF-8,
 * an integer beyond 2^53) the row's hash does not match and its page is checked row by row.
 */
export function jsonLineSql(dialect: Dialect): RawBuilder<string> {
  if (dialect === 'sqlite') return sql`json_object(${sql.join(chainColumns.map((c) => sql`${sql.lit(c)}, ${sql.ref(c)}`))})`;
  // json_build_object would add spaces, so the members are concatenated; to_json(NULL) is NULL.
  const members = chainColumns.map((c, i) => {
    const value = integerColumns.has(c) ? sql`${sql.ref(c)}::text` : sql`to_json(${sql.ref(c)})::text`;
    return sql`${sql.lit(`${i === 0 ? '{' : ','}"${c}":`)} || coalesce(${value}, 'null')`;
  });
  return sql`${sql.join(members, sql` || `)} || '}'`;
}

/** A page of chain rows as the database encoded them (see checkLines). */
export interface LinesPage {
  rows: number;
  /** One JSON Lines record per row, separated by newlines (none after the last). */
  lines: Buffer;
  /** With filters: one character per row, `1` when it matches them. */
  matches: string | null;
}

/**
 * The rows with `afterSeq < seq <= toSeq` (a seq range, not a LIMIT: an aggregate reads the
 * range straight from the primary key index), encoded into one buffer: a million rows cost a
 * thousand strings instead of fifteen million. SQLite concatenates them in index order and
 * PostgreSQL as told; either way checkLines checks the order itself.
 */
export async function linesPage(database: DatabaseHandle, range: { afterSeq: number; toSeq: number }, filters: AuditFilters | null): Promise<LinesPage> {
  const { dialect } = database;
  const line = jsonLineSql(dialect);
  const query = database.db
    .selectFrom('audit_events')
    .select((eb) => {
      const condition = filters ? filterExpression(eb, dialect, filters) : null;
      const flag = condition ? sql`case when ${condition} then '1' else '0' end` : null;
      return dialect === 'sqlite'
        ? [
            sql<number>`count(*)`.as('rows'),
            sql<Buffer>`cast(group_concat(${line}, char(10)) as blob)`.as('lines'),
            (flag ? sql<string | null>`group_concat(${flag}, '')` : sql<string | null>`null`).as('matches'),
          ]
        : [
            sql<number>`count(*)`.as('rows'),
            sql<string>`string_agg(${line}, E'\n' order by seq)`.as('lines'),
            (flag ? sql<string | null>`string_agg(${flag}, '' order by seq)` : sql<string | null>`null`).as('matches'),
          ];
    })
    .where('seq', '>', range.afterSeq)
    .where('seq', '<=', range.toSeq);
  const [[rows, lines, matches] = []] = (await selectArrays(database, query)) as Array<[number, Buffer | string | null, string | null]>;
  const bytes = typeof lines === 'string' ? Buffer.from(lines) : (lines ?? Buffer.alloc(0));
  return { rows: Number(rows ?? 0), lines: bytes, matches: matches ?? null };
}
