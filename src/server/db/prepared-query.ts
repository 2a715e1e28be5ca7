import { type Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database';

type Slot = { argument: string } | { constant: unknown };
interface Prepared {
  sql: string;
  slots: Slot[];
}

const placeholderKey = Symbol('prepared-query placeholder');

/** Stands in for one named argument while the query is built; found again among the compiled parameters. */
function placeholders(): Record<string, unknown> {
  return new Proxy({}, { get: (_target, name) => Object.freeze({ [placeholderKey]: String(name) }) });
}

function prepare(query: Compilable<unknown>): Prepared {
  const compiled = query.compile();
  const slots = compiled.parameters.map((parameter): Slot => {
    const argument = typeof parameter === 'object' && parameter !== null ? (parameter as Record<symbol, unknown>)[placeholderKey] : undefined;
    return typeof argument === 'string' ? { argument } : { constant: parameter };
  });
  return { sql: compiled.sql, slots };
}

/**
 * A query that Kysely builds and compiles once per database, then runs with fresh arguments.
 * Kysely otherwise rebuilds and recompiles the query tree on every call, which costs more than the
 * indexed SQLite read or write itself on the hottest paths (authentication, audit appends).
 *
 * `build` receives the arguments as placeholders: use them only as values (in `where`, `set`,
 * `values`), never to decide the query's shape, and give every argument when running
 * (`undefined` binds as null). Values written literally in `build` are kept as constants.
 */
export function preparedQuery<Args extends Record<string, unknown>, Row>(
  build: (db: Db, args: Args) => Compilable<Row>,
): (db: Db, args: Args) => Promise<Row[]> {
  // Keyed by the dialect adapter, which a database's transactions and connections share.
  const perDatabase = new WeakMap<object, Prepared>();
  return async (db, args) => {
    const adapter = db.getExecutor().adapter;
    let prepared = perDatabase.get(adapter);
    if (!prepared) {
      prepared = prepare(build(db, placeholders() as Args));
      perDatabase.set(adapter, prepared);
    }
    const parameters = prepared.slots.map((slot) => ('argument' in slot ? (args[slot.argument] ?? null) : slot.constant));
    const result = await db.executeQuery<Row>(CompiledQuery.raw(prepared.sql, parameters));
    return result.rows;
  };
}
