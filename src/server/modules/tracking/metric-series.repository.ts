import type { Db } from '../../db/database';

/**
 * Metric histories by number (table metric_series): each (run, key) a history was logged under
 * gets a `series_id`, which `metrics` rows carry instead of the run id and key (see the
 * 2026-11-30 migration). Writers ask for ids before inserting values; readers look a history's
 * id up first and then read its values by it.
 */
export interface SeriesName {
  run_uuid: string;
  key: string;
}

const chunk = 500;

/** Ids by run, then key (no string is built per value to find one). */
export class SeriesIds {
  private readonly byRun = new Map<string, Map<string, number>>();
  private readonly names = new Map<number, SeriesName>();

  set(runId: string, key: string, id: number): void {
    let keys = this.byRun.get(runId);
    if (!keys) this.byRun.set(runId, (keys = new Map()));
    keys.set(key, id);
    this.names.set(id, { run_uuid: runId, key });
  }

  get(runId: string, key: string): number | undefined {
    return this.byRun.get(runId)?.get(key);
  }

  name(id: number): SeriesName {
    const name = this.names.get(id);
    if (!name) throw new Error(`unknown metric series ${id}`);
    return name;
  }
}

function distinctNames(names: readonly SeriesName[]): SeriesName[] {
  const seen = new Map<string, Set<string>>();
  const distinct: SeriesName[] = [];
  for (const { run_uuid: runId, key } of names) {
    let keys = seen.get(runId);
    if (!keys) seen.set(runId, (keys = new Set()));
    if (keys.has(key)) continue;
    keys.add(key);
    distinct.push({ run_uuid: runId, key });
  }
  return distinct;
}

/** The ids of those of `names` that exist, added to `ids`. */
async function readIds(db: Db, names: readonly SeriesName[], ids: SeriesIds): Promise<void> {
  for (let start = 0; start < names.length; start += chunk) {
    const slice = names.slice(start, start + chunk);
    const rows = await db
      .selectFrom('metric_series')
      .select(['series_id', 'run_uuid', 'key'])
      .where('run_uuid', 'in', [...new Set(slice.map((name) => name.run_uuid))])
      .where('key', 'in', [...new Set(slice.map((name) => name.key))])
      .execute();
    for (const row of rows) ids.set(row.run_uuid, row.key, Number(row.series_id));
  }
}

/** The ids of these histories, numbering those that have none yet (in the caller's transaction). */
export async function ensureSeriesIds(tx: Db, names: readonly SeriesName[]): Promise<SeriesIds> {
  const wanted = distinctNames(names);
  const ids = new SeriesIds();
  await readIds(tx, wanted, ids);
  const missing = wanted.filter((name) => ids.get(name.run_uuid, name.key) === undefined);
  if (missing.length === 0) return ids;
  for (let start = 0; start < missing.length; start += chunk) {
    // A concurrent writer may number one first (PostgreSQL): nothing is added then, and the re-read finds it.
    await tx.insertInto('metric_series').values(missing.slice(start, start + chunk)).onConflict((conflict) => conflict.columns(['run_uuid', 'key']).doNothing()).execute();
  }
  await readIds(tx, missing, ids);
  return ids;
}

/** The id of one history, or undefined when nothing was logged under it. */
export async function seriesIdOf(db: Db, runId: string, key: string): Promise<number | undefined> {
  const row = await db.selectFrom('metric_series').select('series_id').where('run_uuid', '=', runId).where('key', '=', key).executeTakeFirst();
  return row === undefined ? undefined : Number(row.series_id);
}

/** The ids of one key's histories in these runs, by run id (runs without it are left out). */
export async function seriesIdsOfRuns(db: Db, runIds: readonly string[], key: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let start = 0; start < runIds.length; start += chunk) {
    const rows = await db
      .selectFrom('metric_series')
      .select(['series_id', 'run_uuid'])
      .where('run_uuid', 'in', runIds.slice(start, start + chunk))
      .where('key', '=', key)
      .execute();
    for (const row of rows) ids.set(row.run_uuid, Number(row.series_id));
  }
  return ids;
}
