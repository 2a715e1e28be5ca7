import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Utf8Chunk } from '../../http/utf8-chunk';
import { createTestDatabase, type TestDatabase, testDialect } from '../../testing/test-database';
import { appendJsonLine } from './audit-export-format';
import { genesisHash, hashEvent, rowMaterial } from './audit-hash';
import { checkLines, matchingLines } from './audit-lines';
import { linesPage } from './audit-lines.repository';
import { chainPage } from './audit.repository';
import type { AuditEventRow } from './audit.tables';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

// PostgreSQL text cannot hold U+0000; everything else is fair game on both.
const allowed = (s: string) => testDialect() === 'sqlite' || !s.includes('\u0000');
const tricky = fc.string({ unit: fc.constantFrom('"', '\\', '/', "'", '\u0000', '\u0001', '\b', '\t', '\n', '\f', '\r', '\u001f', '\u007f', '\u0080', '\u2028', '\u2029', 'é', '€', '😀', '\ufeff', '\ufffd', 'a', '{', '}', ':', ','), maxLength: 12 });
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), tricky, fc.constantFrom('', 'null', '"hash":"', ',"prev_hash":"', '0'.repeat(64))).filter(allowed);
const nullable = <T>(value: fc.Arbitrary<T>) => fc.oneof(value, fc.constant(null));
const integer = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.maxSafeInteger(), fc.maxSafeNat(), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER));
const event = fc.record({
  occurred_at: integer,
  actor_id: nullable(integer),
  actor_name: text,
  actor_via: text,
  action: text,
  entity_type: text,
  entity_id: text,
  before_json: nullable(text),
  after_json: nullable(text),
  justification: nullable(text),
  request_id: nullable(text),
  client_ip: nullable(text),
});

/** Stores `events` as a real chain (seq 1…n), replacing whatever was there. */
async function storeChain(events: Array<Omit<AuditEventRow, 'seq' | 'prev_hash' | 'hash'>>): Promise<string> {
  const { db } = database.handle;
  await db.deleteFrom('audit_events').execute();
  let previous = genesisHash;
  const rows = events.map((e, i) => {
    const hashed = { ...e, seq: i + 1, prev_hash: previous };
    previous = hashEvent(hashed);
    return { ...hashed, hash: previous };
  });
  if (rows.length > 0) await db.insertInto('audit_events').values(rows).execute();
  return previous;
}

/** The JSON Lines the row-by-row path writes for the stored rows. */
async function linesWrittenByJs(count: number): Promise<string> {
  const chunk = new Utf8Chunk(1024);
  for (const row of await chainPage(database.handle, 0, count, count + 1)) appendJsonLine(chunk, row, rowMaterial(row));
  return chunk.bytes().toString();
}

describe('records encoded by the database', () => {
  it('are byte for byte the JSON Lines that JavaScript writes, and pass the fast check, for any stored values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 6 }), async (events) => {
        const lastHash = await storeChain(events);
        const page = await linesPage(database.handle, { afterSeq: 0, toSeq: events.length }, null);
        expect(`${page.lines.toString()}\n`).toBe(await linesWrittenByJs(events.length));
        expect(checkLines(page.lines, page.rows, { seq: 0, hash: genesisHash })).toEqual({ seq: events.length, hash: lastHash });
      }),
      { numRuns: 60 },
    );
  });

  it('flag the rows that match the filters, in chain order', async () => {
    await storeChain(['a', 'b', 'a', 'c', 'a'].map((actor, i) => ({ ...sampleEvent, actor_name: actor, entity_id: `e${i}` })));
    const page = await linesPage(database.handle, { afterSeq: 1, toSeq: 5 }, { actor: 'a' });
    expect(page).toMatchObject({ rows: 4, matches: '0101' });
    expect(page.lines.toString().split('\n').map((l) => JSON.parse(l).entity_id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(matchingLines(page.lines, page.matches ?? '').bytes.toString()).toMatch(/^\{.*"entity_id":"e2".*\}\n\{.*"entity_id":"e4".*\}\n$/);
  });
});

const sampleEvent = {
  occurred_at: 1_700_000_000_000, actor_id: 7, actor_name: 'alice', actor_via: 'session', action: 'run.created', entity_type: 'run', entity_id: 'r1',
  before_json: null, after_json: '{"status":"ok"}', justification: 'why "not"\n', request_id: 'req-1', client_ip: '10.0.0.1',
};

describe('the fast check', () => {
  const page = async (count: number) => (await linesPage(database.handle, { afterSeq: 0, toSeq: count }, null)).lines;
  const check = (lines: Buffer, rows = 3) => checkLines(lines, rows, { seq: 0, hash: genesisHash });

  it('accepts an untouched page and rejects any changed byte, and any other starting point', async () => {
    await storeChain([sampleEvent, { ...sampleEvent, entity_id: 'r2' }, { ...sampleEvent, actor_id: null, justification: null }]);
    const lines = await page(3);
    expect(check(lines)).not.toBeNull();
    for (let at = 0; at < lines.length; at++) {
      const changed = Buffer.from(lines);
      changed[at] = changed[at] === 0x41 ? 0x42 : 0x41;
      expect(check(changed), `byte ${at} changed`).toBeNull();
    }
    expect(check(lines, 2)).toBeNull(); // a record left over
    expect(checkLines(lines, 3, { seq: 1, hash: genesisHash })).toBeNull();
    expect(checkLines(lines, 3, { seq: 0, hash: 'f'.repeat(64) })).toBeNull();
  });
});
