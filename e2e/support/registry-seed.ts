import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Registers model versions straight into the e2e server's SQLite database (the MLflow registry API
 * is another module's and not on this branch): a source run with metrics, an MLmodel signature, tags.
 */
export function openE2eDatabase() {
  // Written by serve-fresh.mjs when it starts the e2e server.
  const { database } = JSON.parse(readFileSync('test-results/e2e-server.json', 'utf8')) as { database: string };
  const db = new Database(database);
  db.pragma('busy_timeout = 5000');
  return db;
}

export function seedModelVersion(
  db: Database.Database,
  input: { name: string; version: number; metrics: Record<string, number>; tags: Record<string, string> },
) {
  const now = Date.now();
  const runId = randomUUID().replace(/-/g, '');
  db.prepare('insert or ignore into registered_models (name, creation_timestamp, last_updated_timestamp, user_id) values (?, ?, ?, ?)').run(input.name, now, now, 'e2e');
  db.prepare(
    `insert into runs (run_uuid, experiment_id, run_name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri)
     values (?, 0, ?, 'e2e', 'FINISHED', ?, ?, 'active', ?)`,
  ).run(runId, `train-v${input.version}`, now, now, `mlflow-artifacts:/0/${runId}/artifacts`);
  for (const [key, value] of Object.entries(input.metrics)) {
    db.prepare('insert into latest_metrics (run_uuid, key, experiment_id, step, timestamp, value, is_nan) values (?, ?, 0, 0, ?, ?, 0)').run(runId, key, now, value);
  }
  const mlmodel = JSON.stringify({ flavors: { python_function: {} }, signature: { inputs: '[{"type": "double", "name": "tenure"}]', outputs: '[{"type": "long"}]' } });
  db.prepare(
    `insert into model_versions (name, version, creation_timestamp, last_updated_timestamp, user_id, current_stage, source, run_id, status, mlmodel_json)
     values (?, ?, ?, ?, 'e2e', 'None', ?, ?, 'READY', ?)`,
  ).run(input.name, input.version, now, now, `models:/m-${runId}`, runId, mlmodel);
  for (const [key, value] of Object.entries(input.tags)) setVersionTag(db, input.name, input.version, key, value);
}

export function setVersionTag(db: Database.Database, name: string, version: number, key: string, value: string) {
  db.prepare('insert into model_version_tags (name, version, key, value) values (?, ?, ?, ?) on conflict (name, version, key) do update set value = excluded.value').run(name, version, key, value);
}
