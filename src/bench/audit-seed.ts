import SqliteDatabase from 'better-sqlite3';
import { genesisHash, hashEvent } from '../server/modules/audit/audit-hash';

const actions: Array<[action: string, entityType: string]> = [
  ['run.created', 'run'], ['run.updated', 'run'], ['run.tag-set', 'run'], ['experiment.created', 'experiment'],
  ['registered-model.created', 'registered-model'], ['model-version.created', 'model-version'], ['model-version.updated', 'model-version'],
  ['model-alias.set', 'model-alias'], ['promotion.requested', 'promotion-request'], ['promotion.gates-evaluated', 'promotion-request'],
  ['promotion.approved', 'promotion-request'], ['promotion.applied', 'promotion-request'], ['deployment.promoted', 'deployment'],
  ['deployment.canary-stepped', 'deployment'], ['policy.updated', 'policy'], ['auth.signed-in', 'user'], ['token.created', 'api-token'],
  ['user.updated', 'user'], ['monitoring.alert-rule-updated', 'alert-rule'], ['access.denied', 'route'],
];
const environments = ['staging', 'production', 'canary-eu'];

function entityIdFor(type: string, i: number): string {
  const model = `model-${i % 200}`;
  if (type === 'model-version') return `${model}/${(i % 17) + 1}`;
  if (type === 'model-alias') return `${model}@${i % 2 ? 'champion' : 'challenger'}`;
  if (type === 'deployment') return `${model}/${environments[i % 3]}`;
  if (type === 'registered-model') return model;
  if (type === 'policy') return environments[i % 3] as string;
  return `${type}-${i % 50_000}`;
}

/**
 * Writes `count` events with real chain hashes straight into the SQLite file (one prepared
 * statement, 20,000 rows per transaction), spread over the last 400 days.
 */
export function seedAuditEvents(file: string, count: number): { seq: number; hash: string } {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const insert = sqlite.prepare(
    `insert into audit_events (seq, occurred_at, actor_id, actor_name, actor_via, action, entity_type, entity_id, before_json, after_json,
       justification, request_id, client_ip, prev_hash, hash)
     values (@seq, @occurred_at, @actor_id, @actor_name, @actor_via, @action, @entity_type, @entity_id, @before_json, @after_json,
       @justification, @request_id, @client_ip, @prev_hash, @hash)`,
  );
  const start = Date.now() - 400 * 86_400_000;
  const step = (400 * 86_400_000) / count;
  let previous = { seq: 0, hash: genesisHash };
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let seq = from; seq <= to; seq++) {
      const r = Math.imul(seq, 2654435761) >>> 0; // spreads action and actor independently of each other
      const [action, entityType] = actions[r % actions.length] as [string, string];
      const actor = (r >>> 8) % 50;
      const event = {
        seq,
        occurred_at: Math.floor(start + seq * step),
        actor_id: actor,
        actor_name: `user-${actor}`,
        actor_via: seq % 3 === 0 ? `token:${seq % 40}` : 'session',
        action,
        entity_type: entityType,
        entity_id: entityIdFor(entityType, seq),
        before_json: seq % 2 ? `{"status":"pending","version":${seq % 17}}` : null,
        after_json: `{"environment":"${environments[seq % 3]}","status":"ok","version":${(seq % 17) + 1}}`,
        justification: seq % 10 === 0 ? 'scheduled change' : null,
        request_id: `req-${seq}`,
        client_ip: `10.0.${seq % 250}.${seq % 200}`,
        prev_hash: previous.hash,
      };
      const hash = hashEvent(event);
      insert.run({ ...event, hash });
      previous = { seq, hash };
    }
  });
  for (let from = 1; from <= count; from += 20_000) batch(from, Math.min(count, from + 19_999));
  sqlite.prepare('update audit_head set seq = ?, hash = ? where id = 1').run(previous.seq, previous.hash);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return previous;
}
