import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Test-only setup for journeys that need a registered model with versions and a deployment with
 * a canary: the registry and deployments APIs are not there yet, so the rows go straight into the
 * e2e server's SQLite database (WAL mode: the server sees them at once).
 */
export function seedCanaryDeployment(model: string): number {
  const { database } = JSON.parse(readFileSync('test-results/e2e-server.json', 'utf8')) as { database: string };
  const db = new Database(database);
  db.pragma('busy_timeout = 5000');
  const since = Date.now() - 3 * 86_400_000;
  const insert = db.transaction(() => {
    db.prepare('insert into registered_models (name, creation_timestamp, last_updated_timestamp, user_id) values (?, ?, ?, ?)').run(model, since, since, 'admin');
    for (const version of [1, 2]) {
      db.prepare(
        "insert into model_versions (name, version, creation_timestamp, last_updated_timestamp, user_id, current_stage, source, status) values (?, ?, ?, ?, 'admin', 'None', ?, 'READY')",
      ).run(model, version, since, since, `models:/${model}/${version}`);
    }
    const { id } = db
      .prepare("insert into deployments (model_name, environment, stable_version, canary_version, canary_weight, status, revision, updated_by, updated_at) values (?, 'production', 1, 2, 20, 'active', 2, 'admin', ?) returning id")
      .get(model, Date.now()) as { id: number };
    const history = db.prepare(
      "insert into deployment_history (deployment_id, revision, stable_version, canary_version, canary_weight, status, change, changed_by, changed_at) values (?, ?, 1, ?, ?, 'active', ?, 'admin', ?)",
    );
    history.run(id, 1, null, 0, 'promote', since);
    history.run(id, 2, 2, 20, 'canary-start', Date.now() - 30 * 3_600_000);
    return id;
  });
  const id = insert();
  db.close();
  return id;
}
