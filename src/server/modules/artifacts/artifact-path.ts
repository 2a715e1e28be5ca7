import { invalidParameter } from '../../errors';

/**
 * Artifact path canonicalisation: the one gate every artifact path (URL tail, query parameter,
 * JSON field, model version source) passes before it touches the store.
 *
 * The path we store under is the input as the client meant it (what the HTTP layer decoded
 * once), with empty and `.` segments dropped. Every further percent-decoding of it is checked
 * too, until decoding changes nothing: a name that *decodes* to `..`, a backslash or a NUL is
 * refused, so double-encoding tricks (CVE-2023-6909, CVE-2024-1560) cannot smuggle traversal past
 * a later decode anywhere downstream. We refuse rather than repair: a suspicious path is a 400.
 */
const maxPathLength = 4096;
const maxSegmentBytes = 255;
const maxDecodingRounds = 8;
/** Temporary files the local store writes while an upload streams in; never addressable. */
export const reservedSegmentPrefix = '.sextant-';

interface Rule {
  test: (layer: string) => boolean;
  reason: string;
}

const rules: Rule[] = [
  // eslint-disable-next-line no-control-regex
  { test: (s) => /[\u0000-\u001f\u007f]/.test(s), reason: 'control characters (such as NUL) are not allowed' },
  { test: (s) => s.includes('\\'), reason: 'backslashes are not allowed' },
  { test: (s) => s.includes(';'), reason: "';' (URL path parameters) is not allowed" },
  { test: (s) => s.includes('#'), reason: "'#' (URL fragments) is not allowed" },
  { test: (s) => s.includes('?'), reason: "'?' (query strings) is not allowed" },
  { test: (s) => s.startsWith('/'), reason: 'absolute paths are not allowed' },
  { test: (s) => /^[A-Za-z]:/.test(s), reason: 'drive letters are not allowed' },
  { test: (s) => s.split('/').some((segment) => segment === '..'), reason: "'..' segments are not allowed" },
];

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** One round of lenient percent-decoding: valid `%XX` runs become UTF-8 text, anything else stays. */
export function percentDecodeOnce(value: string): string {
  return value.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return utf8.decode(bytes);
  });
}

/** The input and each successive decoding of it, until decoding is stable. */
export function decodingLayers(value: string): string[] {
  const layers = [value];
  let current = value;
  for (let round = 0; round < maxDecodingRounds; round++) {
    const next = percentDecodeOnce(current);
    if (next === current) return layers;
    layers.push(next);
    current = next;
  }
  throw refuse(value, 'it is percent-encoded too many times');
}

function refuse(value: string, reason: string) {
  return invalidParameter(`Invalid artifact path ${JSON.stringify(value.slice(0, 200))}: ${reason}.`);
}

export interface CanonicalPathOptions {
  /** Accept the empty path (the root of the store or of a run); default false. */
  allowRoot?: boolean;
}

/**
 * Validates an artifact path and returns its canonical form: segments joined by `/`, no empty or
 * `.` segments, no leading or trailing slash; `''` is the root. Throws INVALID_PARAMETER_VALUE.
 */
export function canonicalArtifactPath(value: string, options: CanonicalPathOptions = {}): string {
  if (typeof value !== 'string') throw invalidParameter('Invalid artifact path: must be a string.');
  if (value.length > maxPathLength) throw refuse(value, `it is longer than ${maxPathLength} characters`);
  checkLayers(value, value);
  const segments = value.split('/').filter((segment) => segment !== '' && segment !== '.');
  for (const segment of segments) {
    if (new TextEncoder().encode(segment).length > maxSegmentBytes) throw refuse(value, `a name is longer than ${maxSegmentBytes} bytes`);
    if (segment.startsWith(reservedSegmentPrefix)) throw refuse(value, `names starting with '${reservedSegmentPrefix}' are reserved`);
  }
  const canonical = segments.join('/');
  if (canonical === '' && !options.allowRoot) throw refuse(value, 'it names no file');
  // Dropping segments can change what the path decodes to (`./%2f` → `%2f` → `/`): check again.
  if (canonical !== value) checkLayers(canonical, value);
  return canonical;
}

function checkLayers(path: string, shown: string) {
  for (const layer of decodingLayers(path)) {
    for (const rule of rules) if (rule.test(layer)) throw refuse(shown, rule.reason);
  }
}

/** True when `path` is already canonical (what the store insists on, as a second line of defence). */
export function isCanonicalArtifactPath(path: string): boolean {
  try {
    return canonicalArtifactPath(path, { allowRoot: true }) === path;
  } catch {
    return false;
  }
}

/** Joins canonical paths (any may be the root `''`) and re-validates the result. */
export function joinArtifactPath(...parts: string[]): string {
  return canonicalArtifactPath(parts.filter((part) => part !== '').join('/'), { allowRoot: true });
}

/** `a/b/c` → `c`; the root has no name. */
export function artifactBaseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `a/b/c` → [`a`, `a/b`, `a/b/c`]: every path that contains it, itself included. */
export function artifactPathAncestors(path: string): string[] {
  if (path === '') return [];
  const segments = path.split('/');
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}

/** Decodes a raw URL path tail once, as an HTTP framework would, then canonicalises it. */
export function artifactPathFromUrl(rawTail: string, options: CanonicalPathOptions = {}): string {
  const withoutQuery = rawTail.split('?', 1)[0] ?? '';
  return canonicalArtifactPath(percentDecodeOnce(withoutQuery), options);
}
