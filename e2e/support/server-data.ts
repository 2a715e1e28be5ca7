import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/** The e2e server's SQLite database, opened directly (serve-fresh.mjs writes where it lives). */
export function openServerDatabase() {
  const { database } = JSON.parse(readFileSync('test-results/e2e-server.json', 'utf8')) as { database: string };
  const db = new Database(database);
  db.pragma('busy_timeout = 5000');
  return db;
}
