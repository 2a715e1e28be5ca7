import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../../db/database';
import type { Database } from '../../db/schema';

/**
 * Audit filters as SQL. Conventions (also in the README's audit section, and followed by every
 * module that appends events):
 * - `model`: events whose entity is the model or belongs to it: entity ids equal to the name or
 *   starting with `<name>/` (versions `<name>/<version>`, deployments `<name>/<environment>`) or
 *   `<name>@` (aliases `<name>@<alias>`).
 * - `environment`: the `environment` entity itself, deployments `<model>/<environment>`, policies
 *   `<environment>` or `<environment>/<model>`, and any other event whose before or after state
 *   has `"environment":"<environment>"` (promotion requests record theirs).
 * - `action`: exact, or a prefix when it ends with `.` or `*` (`promotion.` matches
 *   `promotion.requested`, `promotion.approved`, …).
 * - `from`/`to` select a stretch of the chain: from the first event recorded at or after `from` to
 *   the last one recorded at or before `to` (see `resolveTimeRange`), so pages stay in seq order.
 */
export interface AuditFilters {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  model?: string | undefined;
  environment?: string | undefined;
  /** Chain positions the time range maps to. */
  fromSeq?: number | undefined;
  toSeq?: number | undefined;
}

type Eb = ExpressionBuilder<Database, 'audit_events'>;
type TextColumn = 'action' | 'entity_id';

/** The smallest string greater than every string that starts with `prefix` (code point order). */
function upperBound(prefix: string): string {
  const points = Array.from(prefix);
  const last = points.pop()?.codePointAt(0) ?? 0;
  return points.join('') + String.fromCodePoint(last + 1);
}

/**
 * `column` starts with `prefix`. SQLite compares text bytewise (an index range); on PostgreSQL a
 * range would follow the database collation, so LIKE (with `\` escaping) is used instead.
 */
export function startsWith(eb: Eb, dialect: Dialect, column: TextColumn, prefix: string): Expression<SqlBool> {
  if (dialect === 'sqlite') return eb.and([eb(column, '>=', prefix), eb(column, '<', upperBound(prefix))]);
  return eb(column, 'like', `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/**
 * `prefix` match on a raw column reference (for hand-written SQL), with the same dialect rules.
 * `upperOnly`: the caller already bounds the column from below (a loose index scan's `> previous`),
 * so SQLite seeks from there instead of from the prefix.
 */
export function startsWithSql(dialect: Dialect, column: string, prefix: string, upperOnly = false) {
  const ref = sql.ref(column);
  if (dialect === 'sqlite') return upperOnly ? sql<SqlBool>`${ref} < ${upperBound(prefix)}` : sql<SqlBool>`${ref} >= ${prefix} and ${ref} < ${upperBound(prefix)}`;
  return sql<SqlBool>`${ref} like ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
}

function endsWith(dialect: Dialect, column: TextColumn, suffix: string): Expression<SqlBool> {
  const tail = dialect === 'sqlite' ? sql`substr(${sql.ref(column)}, ${-suffix.length})` : sql`right(${sql.ref(column)}, ${suffix.length})`;
  return sql<SqlBool>`${tail} = ${suffix}`;
}

function contains(dialect: Dialect, column: 'before_json' | 'after_json', needle: string): Expression<SqlBool> {
  return dialect === 'sqlite' ? sql<SqlBool>`instr(${sql.ref(column)}, ${needle}) > 0` : sql<SqlBool>`strpos(${sql.ref(column)}, ${needle}) > 0`;
}

export function isActionPrefix(action: string): boolean {
  return action.endsWith('.') || action.endsWith('*');
}

/** The filters as one boolean expression, or null when there are none. */
export function filterExpression(eb: Eb, dialect: Dialect, filters: AuditFilters): Expression<SqlBool> | null {
  const conditions: Array<Expression<SqlBool>> = [];
  const { actor, action, entityType, entityId, model, environment, fromSeq, toSeq } = filters;
  if (actor) conditions.push(eb('actor_name', '=', actor));
  if (action) conditions.push(isActionPrefix(action) ? startsWith(eb, dialect, 'action', action.replace(/\*$/, '')) : eb('action', '=', action));
  if (entityType) conditions.push(eb('entity_type', '=', entityType));
  if (entityId) conditions.push(eb('entity_id', '=', entityId));
  if (model) conditions.push(modelCondition(eb, dialect, model));
  if (environment) {
    const mention = `"environment":${JSON.stringify(environment)}`;
    conditions.push(
      eb.or([
        eb.and([eb('entity_type', '=', 'environment'), eb('entity_id', '=', environment)]),
        eb.and([eb('entity_type', '=', 'deployment'), endsWith(dialect, 'entity_id', `/${environment}`)]),
        eb.and([eb('entity_type', '=', 'policy'), eb.or([eb('entity_id', '=', environment), startsWith(eb, dialect, 'entity_id', `${environment}/`)])]),
        contains(dialect, 'after_json', mention),
        contains(dialect, 'before_json', mention),
      ]),
    );
  }
  if (fromSeq !== undefined) conditions.push(eb('seq', '>=', fromSeq));
  if (toSeq !== undefined) conditions.push(eb('seq', '<=', toSeq));
  return conditions.length === 0 ? null : eb.and(conditions);
}

export function modelCondition(eb: Eb, dialect: Dialect, model: string): Expression<SqlBool> {
  return eb.or([eb('entity_id', '=', model), startsWith(eb, dialect, 'entity_id', `${model}/`), startsWith(eb, dialect, 'entity_id', `${model}@`)]);
}
