/**
 * Offline verification of a Sextant audit export (JSON Lines). Self-contained on purpose (Node's
 * standard library only) so an auditor can read it in full, copy it, or re-implement it:
 *
 * 1. Each line is one event (the stored columns, snake_case) except a final
 *    `{"verification_report": …}` line written by the server.
 * 2. For each event: SHA-256 (hex) of the UTF-8 canonical JSON of every field except `hash`
 *    (object keys sorted by code point, no whitespace, strings escaped as JSON.stringify does)
 *    must equal `hash`. `before_json`/`after_json` are strings and are hashed as such.
 * 3. Consecutive events (seq n, n+1) must link: prev_hash(n+1) = hash(n); event 1 links to 64 zeros.
 *    A filtered export has gaps; links across a gap cannot be checked from the file alone.
 * 4. If the file ends at the report's head seq, its last hash must equal the report's head hash.
 *
 * Run: `npm run sextant -- audit verify-export <file>` (or `npx tsx src/server/cli/verify-export.ts <file>`).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

interface Report {
  exported?: number;
  head?: { seq: number; hash: string };
  chain?: { ok: boolean; broken: { seq: number; reason: string } | null };
}

export async function verifyExportFile(file: string): Promise<{ ok: boolean; lines: string[] }> {
  const problems: string[] = [];
  let previous: { seq: number; hash: string } | null = null;
  let first: number | null = null;
  let count = 0;
  let links = 0;
  let gaps = 0;
  let report: Report | null = null;
  let lineNo = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNo += 1;
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as Record<string, unknown>;
    if ('verification_report' in record) {
      report = record.verification_report as Report;
      continue;
    }
    const { hash, ...rest } = record;
    const seq = Number(record.seq);
    if (createHash('sha256').update(canonical(rest), 'utf8').digest('hex') !== hash) problems.push(`event ${seq} (line ${lineNo}): content does not match its hash`);
    if (previous && seq <= previous.seq) problems.push(`event ${seq} (line ${lineNo}): out of order after ${previous.seq}`);
    else if (previous && seq === previous.seq + 1) {
      links += 1;
      if (record.prev_hash !== previous.hash) problems.push(`event ${seq}: prev_hash does not match the hash of event ${previous.seq}`);
    } else if (previous) gaps += 1;
    else if (seq === 1 && record.prev_hash !== '0'.repeat(64)) problems.push('event 1: prev_hash is not 64 zeros');
    first ??= seq;
    previous = { seq, hash: String(hash) };
    count += 1;
  }
  const lines = [`${count} events${previous ? ` (seq ${first}..${previous.seq})` : ''}: every hash recomputed, ${links} links checked, ${gaps} gaps (filtered export)`];
  if (report) {
    if (report.exported !== undefined && report.exported !== count) problems.push(`the report says ${report.exported} events were exported, the file has ${count}`);
    if (report.chain && !report.chain.ok) problems.push(`the server reported the chain broken at ${report.chain.broken?.seq}: ${report.chain.broken?.reason}`);
    if (report.head && previous?.seq === report.head.seq && previous.hash !== report.head.hash) problems.push('the last event does not match the head hash in the report');
    if (report.head) lines.push(`head at export time: seq ${report.head.seq}, hash ${report.head.hash}${previous?.seq === report.head.seq ? ' (the file ends at the head and matches it)' : ''}`);
  } else lines.push('no verification report line (was the file cut short?)');
  if (previous) lines.push(`last hash: ${previous.hash}`);
  return { ok: problems.length === 0, lines: problems.length ? [...problems.map((p) => `BROKEN: ${p}`), ...lines] : [`OK: ${lines[0]}`, ...lines.slice(1)] };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: verify-export <export.jsonl>\n');
    process.exit(1);
  }
  const result = await verifyExportFile(file);
  process.stdout.write(`${result.lines.join('\n')}\n`);
  process.exitCode = result.ok ? 0 : 2;
}
