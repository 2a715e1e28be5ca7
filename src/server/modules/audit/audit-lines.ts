import { hash } from 'node:crypto';

/**
 * Verification's fast path: checks a page of JSON Lines records as the database encoded them
 * (linesPage), straight from the bytes, without a string per column or per row.
 *
 * Each record is `{…,"prev_hash":"…",…,"seq":N,"hash":"H"}`, the row's hash material with its
 * closing brace replaced by `,"hash":"H"}`. Because it is JSON, a quote inside a string value is
 * always escaped, so the unescaped `,"hash":"` before the last 66 bytes, and the unescaped
 * `"prev_hash":"` before the end, can only be those members. For every record this checks that
 * its seq follows the previous one, that its prev_hash is the previous hash, and that SHA-256 of
 * its material (the bytes before `,"hash"`, plus `}`) is its hash: the checks of `chainProblem`,
 * on material that is proven byte for byte to be what was hashed.
 *
 * It answers only "every record is fine" (the new last seq and hash) or null; on null the caller
 * checks the page row by row (chainProblem) to name the first broken event and why.
 */
const newline = 0x0a;
const quote = 0x22;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const comma = 0x2c;
const colon = 0x3a;
const hashMember = Buffer.from(',"hash":"');
const prevHashMember = Buffer.from('"prev_hash":"');
const seqMember = Buffer.from('"seq":');
/** `,"hash":"` + 64 hex digits + `"}`: the bytes after a record's material. */
const hashTail = hashMember.length + 64 + 2;

/** Whether `bytes` holds `expected` at `at` (a loop: cheaper than a native call for a few bytes). */
function bytesEqual(bytes: Buffer, at: number, expected: Buffer): boolean {
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

/** Whether `bytes` holds the ASCII string `expected` at `at`. */
function textAt(bytes: Buffer, at: number, expected: string): boolean {
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected.charCodeAt(i)) return false;
  return true;
}

/** The decimal digits of the seq member ending before `end`, or -1. */
function seqBefore(bytes: Buffer, end: number, start: number): number {
  let value = 0;
  let digits = 0;
  let at = end - 1;
  for (; at > start && bytes[at]! >= 0x30 && bytes[at]! <= 0x39; at--) digits += 1;
  if (digits === 0 || digits > 15 || bytes[at] !== colon || !bytesEqual(bytes, at - seqMember.length + 1, seqMember)) return -1;
  for (let i = at + 1; i < end; i++) value = value * 10 + (bytes[i]! - 0x30);
  return value;
}

export function checkLines(lines: Buffer, rows: number, previous: { seq: number; hash: string }): { seq: number; hash: string } | null {
  let { seq: previousSeq, hash: previousHash } = previous;
  if (previousHash.length !== 64) return null;
  let start = 0;
  for (let row = 0; row < rows; row++) {
    const end = recordEnd(lines, start);
    const materialEnd = end - hashTail; // where `,"hash":"` starts
    if ((row === rows - 1) !== (end === lines.length)) return null;
    if (materialEnd <= start || lines[start] !== openBrace) return null;
    if (!bytesEqual(lines, materialEnd, hashMember) || lines[end - 2] !== quote || lines[end - 1] !== closeBrace) return null;

    const seq = seqBefore(lines, materialEnd, start);
    if (seq !== previousSeq + 1) return null;
    const prevHashAt = lines.lastIndexOf(prevHashMember, materialEnd) + prevHashMember.length;
    if (prevHashAt <= start + prevHashMember.length || lines[prevHashAt + 64] !== quote) return null;
    if (!textAt(lines, prevHashAt, previousHash)) return null;

    lines[materialEnd] = closeBrace; // the material is the record up to here, closed
    const digest = hash('sha256', lines.subarray(start, materialEnd + 1), 'hex');
    lines[materialEnd] = comma;
    if (!textAt(lines, end - 66, digest)) return null;

    previousSeq = seq;
    previousHash = digest;
    start = end + 1;
  }
  return rows > 0 ? { seq: previousSeq, hash: previousHash } : null;
}

/** Where the record starting at `start` ends: at the next newline, or at the end of the page. */
function recordEnd(lines: Buffer, start: number): number {
  const end = lines.indexOf(newline, start);
  return end < 0 ? lines.length : end;
}

/** The records flagged `1` in `matches` (see LinesPage), each ending with a newline, and how many. */
export function matchingLines(lines: Buffer, matches: string): { bytes: Buffer; count: number } {
  const out = Buffer.allocUnsafe(lines.length + 1);
  let used = 0;
  let count = 0;
  for (let row = 0, start = 0; row < matches.length; row++) {
    const end = recordEnd(lines, start);
    if (matches.charCodeAt(row) === 0x31) {
      used += lines.copy(out, used, start, end);
      out[used++] = newline;
      count += 1;
    }
    start = end + 1;
  }
  return { bytes: out.subarray(0, used), count };
}
