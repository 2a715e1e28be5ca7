import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running most of
 * our point reads. This keeps the most recently used statements (LRU). Queries run one at a time
 * on the single connection, so a cached statement is never in use twice; `iterate` (streaming)
 * still gets its own statement, so an abandoned stream cannot leave a cached one busy.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, capacity = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();

  const cached = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = sqlite.prepare(sql);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, statement);
    return statement;
  };

  return {
    close: () => sqlite.close(),
    prepare(sql): SqliteStatement {
      const statement = cached(sql);
      return {
        reader: statement.reader,
        all: (parameters) => statement.all(parameters as unknown[]),
        run: (parameters) => statement.run(parameters as unknown[]),
        iterate: (parameters) => sqlite.prepare(sql).iterate(parameters as unknown[]),
      };
    },
  };
}
