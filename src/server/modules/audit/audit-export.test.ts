import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportReport } from '../../../shared/contract/audit';
import { verifyExportFile } from '../../cli/verify-export';
import { appendTestEvents } from '../../testing/audit-events';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';

let t: TestApp;
let auditor: Record<string, string>;
const dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-export-'));

beforeAll(async () => {
  t = await buildTestApp();
  auditor = (await t.userWithRole('auditor')).headers;
  await appendTestEvents(t.database.handle, [
    { action: 'model-version.created', entityType: 'model-version', entityId: 'fraud/1', after: { version: 1 } },
    { action: 'run.created', entityType: 'run', entityId: 'r1', justification: 'has "quotes", commas\nand lines' },
    { action: 'model-alias.set', entityType: 'model-alias', entityId: 'fraud@champion', after: { version: 1 }, actor: '=HYPERLINK("x")' },
    { action: 'run.created', entityType: 'run', entityId: 'r2' },
  ]);
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const download = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/audit/export?${query}`, headers: auditor });

async function verifyText(name: string, text: string) {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return verifyExportFile(file);
}

describe('exporting the trail', () => {
  it('streams JSON Lines of the stored rows, ending with a verification report that an offline check agrees with', async () => {
    const response = await download('format=jsonl');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/x-ndjson/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="sextant-audit-.*\.jsonl"/);
    const lines = response.body.trim().split('\n').map((l) => JSON.parse(l));
    const report = lines.at(-1).verification_report as ExportReport;
    const events = lines.slice(0, -1);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(report).toMatchObject({ exported: events.length, range: { fromSeq: 1, toSeq: events.length }, chain: { ok: true, broken: null } });
    expect(report.head.hash).toBe(events.at(-1).hash);
    expect(events[0]).toHaveProperty('before_json');

    const offline = await verifyText('all.jsonl', response.body);
    expect(offline.ok).toBe(true);
    expect(offline.lines[0]).toMatch(/^OK: \d+ events .* 0 gaps/);
    expect(offline.lines.join('\n')).toMatch(/the file ends at the head and matches it/);

    const tampered = response.body.replace('"entity_id":"r1"', '"entity_id":"r9"');
    expect((await verifyText('tampered.jsonl', tampered)).lines[0]).toMatch(/^BROKEN: event \d+ \(line \d+\): content does not match its hash/);
  });

  it('exports only the filtered events, while verifying the whole range between them', async () => {
    const response = await download('format=jsonl&model=fraud');
    const lines = response.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.slice(0, -1).map((e) => e.entity_id)).toEqual(['fraud/1', 'fraud@champion']);
    const report = lines.at(-1).verification_report as ExportReport;
    expect(report).toMatchObject({ exported: 2, filters: { model: 'fraud' }, chain: { ok: true, checked: 3 } });
    const offline = await verifyText('filtered.jsonl', response.body);
    expect(offline.ok).toBe(true);
    expect(offline.lines[0]).toMatch(/1 gaps/);
  });

  it('exports CSV for spreadsheets, escaped and defused, with its report from the report endpoint', async () => {
    const response = await download('format=csv&entityType=run');
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const [header, first] = response.body.split('\r\n');
    expect(header).toBe('seq,occurred_at_iso,occurred_at,actor_id,actor_name,actor_via,action,entity_type,entity_id,before_json,after_json,justification,request_id,client_ip,prev_hash,hash');
    expect(first).toContain('"has ""quotes"", commas\nand lines"');
    const alias = await download('format=csv&entityType=model-alias');
    expect(alias.body).toContain(`,"'=HYPERLINK(""x"")",`);

    const report = await t.request<ExportReport>({ method: 'GET', url: '/api/v1/audit/export/report?entityType=run', headers: auditor });
    expect(report.body).toMatchObject({ exported: 2, chain: { ok: true }, filters: { entityType: 'run' } });
    expect(report.body.howToVerify).toMatch(/verify-export/);
  });

  it('reports a row altered in the database in the export itself', async () => {
    const target = await t.database.handle.db.selectFrom('audit_events').select('seq').where('entity_id', '=', 'r1').executeTakeFirstOrThrow();
    await t.database.handle.db.updateTable('audit_events').set({ justification: 'nothing to see' }).where('seq', '=', target.seq).execute();
    const report = await t.request<ExportReport>({ method: 'GET', url: '/api/v1/audit/export/report', headers: auditor });
    expect(report.body.chain).toMatchObject({ ok: false, broken: { seq: target.seq, reason: 'its content does not match its hash (the row was altered)' } });
    const viewer = await t.userWithRole('viewer');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/export', headers: viewer.headers })).statusCode).toBe(403);
  });
});
