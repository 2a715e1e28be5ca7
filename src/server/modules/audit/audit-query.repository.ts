import { type SqlBool, sql } from 'kysely';
import type { AuditEvent } from '../../../shared/contract/audit';
import type { Db, Dialect } from '../../db/database';
import { type AuditFilters, filterExpression, isActionPrefix, modelCondition, startsWithSql } from './audit-filters.repository';
import type { AuditEventRow } from './audit.tables';

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    seq: row.seq,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: { id: row.actor_id === null ? null : String(row.actor_id), name: row.actor_name, via: row.actor_via },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
    justification: row.justification,
    requestId: row.request_id,
    clientIp: row.client_ip,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface PageRequest {
  order: 'asc' | 'desc';
  /** Keyset cursor: the seq of the last event of the previous page. */
  afterSeq?: number | undefined;
  limit: number;
}

/**
 * One page of events matching the filters, keyset-paginated on seq: new events appended while a
 * reader pages (higher seqs) never shift or repeat what the reader sees. An action prefix is
 * expanded to the actions it matches, each read newest-first through the (action, seq) index and
 * merged, so no query has to sort every event of a busy family such as `promotion.`.
 */
export async function findEvents(db: Db, dialect: Dialect, filters: AuditFilters, page: PageRequest) {
  let rows: AuditEventRow[] | null = null;
  if (filters.action && isActionPrefix(filters.action)) {
    const actions = await actionsWithPrefix(db, dialect, filters.action.replace(/\*$/, ''));
    if (actions.length === 0) return { rows: [], more: false };
    if (actions.length <= maxExpandedActions) {
      const [first, ...rest] = actions.map((action, i) => db.selectFrom(pageQuery(db, dialect, { ...filters, action }, page).as(`p${i}`)).selectAll());
      const union = rest.reduce((all, part) => all.unionAll(part), first as NonNullable<typeof first>);
      rows = await db.selectFrom(union.as('merged')).selectAll().orderBy('seq', page.order).limit(page.limit + 1).execute();
    }
  }
  rows ??= await pageQuery(db, dialect, filters, page).execute();
  return { rows: rows.slice(0, page.limit), more: rows.length > page.limit };
}

const maxExpandedActions = 24;

function pageQuery(db: Db, dialect: Dialect, filters: AuditFilters, { order, afterSeq, limit }: PageRequest) {
  let query = db.selectFrom('audit_events').selectAll();
  query = query.where((eb) => filterExpression(eb, dialect, filters) ?? sql<SqlBool>`1 = 1`);
  if (afterSeq !== undefined) query = query.where('seq', order === 'desc' ? '<' : '>', afterSeq);
  return query.orderBy('seq', order).limit(limit + 1);
}

/**
 * The distinct actions starting with `prefix` (at most 25), by a loose index scan: a recursive
 * query that seeks the next action in the (action, seq) index, once per distinct action.
 */
async function actionsWithPrefix(db: Db, dialect: Dialect, prefix: string): Promise<string[]> {
  const { rows } = await sql<{ action: string }>`
    with recursive found(action, n) as (
      select (select action from audit_events where ${startsWithSql(dialect, 'action', prefix)} order by action limit 1), 1
      union all
      select (select e.action from audit_events e where e.action > found.action and ${startsWithSql(dialect, 'e.action', prefix, true)} order by e.action limit 1), n + 1
      from found where found.action is not null and n <= ${maxExpandedActions}
    )
    select action from found where action is not null`.execute(db);
  return rows.map((row) => row.action);
}

/** One entity's events; with `relatedToModel`, every event of the model's family (see filters). */
export async function findEntityEvents(
  db: Db,
  dialect: Dialect,
  entity: { type: string; id: string; relatedToModel: boolean; types: readonly string[] | null },
  page: PageRequest,
) {
  const { order, afterSeq, limit } = page;
  let query = db.selectFrom('audit_events').selectAll();
  if (entity.relatedToModel) query = query.where((eb) => modelCondition(eb, dialect, entity.id));
  else query = query.where('entity_type', '=', entity.type).where('entity_id', '=', entity.id);
  if (entity.types) query = query.where('entity_type', 'in', entity.types);
  if (afterSeq !== undefined) query = query.where('seq', order === 'desc' ? '<' : '>', afterSeq);
  const rows = await query.orderBy('seq', order).limit(limit + 1).execute();
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/** The seq of the first event recorded at or after `ms` (null if none). */
export async function firstSeqFrom(db: Db, ms: number): Promise<number | null> {
  const row = await db.selectFrom('audit_events').select('seq').where('occurred_at', '>=', ms).orderBy('occurred_at').orderBy('seq').limit(1).executeTakeFirst();
  return row?.seq ?? null;
}

/** The seq of the last event recorded at or before `atMs` (null if none). */
export async function lastSeqAt(db: Db, atMs: number): Promise<number | null> {
  const row = await db
    .selectFrom('audit_events')
    .select('seq')
    .where('occurred_at', '<=', atMs)
    .orderBy('occurred_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.seq ?? null;
}

/**
 * The latest event of each entity of `entityType` up to `throughSeq`: a group-by over the
 * (entity_type, entity_id, seq) index, then the rows by primary key; the log is never replayed.
 */
export function latestEventPerEntity(db: Db, entityType: string, throughSeq: number) {
  return db
    .selectFrom('audit_events as e')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('audit_events')
          .select(['entity_id', (b) => b.fn.max('seq').as('last_seq')])
          .where('entity_type', '=', entityType)
          .where('seq', '<=', throughSeq)
          .groupBy('entity_id')
          .as('latest'),
      (join) => join.onRef('latest.last_seq', '=', 'e.seq'),
    )
    .selectAll('e')
    .orderBy('e.entity_id')
    .execute();
}

export function entityEventsThrough(db: Db, entityType: string, entityId: string, throughSeq: number) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('seq', '<=', throughSeq)
    .orderBy('seq')
    .execute();
}
