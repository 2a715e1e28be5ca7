import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import {
  artifactPathAncestors,
  artifactPathFromUrl,
  canonicalArtifactPath,
  decodingLayers,
  isCanonicalArtifactPath,
  joinArtifactPath,
  percentDecodeOnce,
} from './artifact-path';

const refused = (value: string) => {
  try {
    canonicalArtifactPath(value, { allowRoot: true });
    return false;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INVALID_PARAMETER_VALUE');
    return true;
  }
};

describe('canonicalArtifactPath', () => {
  it('keeps ordinary paths, dropping empty and "." segments', () => {
    expect(canonicalArtifactPath('1/abc/artifacts/model/MLmodel')).toBe('1/abc/artifacts/model/MLmodel');
    expect(canonicalArtifactPath('a//b/./c/')).toBe('a/b/c');
    expect(canonicalArtifactPath('dir with spaces/naïve ✓.txt')).toBe('dir with spaces/naïve ✓.txt');
    expect(canonicalArtifactPath('..hidden/x..y/...')).toBe('..hidden/x..y/...');
    expect(canonicalArtifactPath('100% done.txt')).toBe('100% done.txt');
  });

  it('keeps the name the client sent (one decoding, done by HTTP) while checking every further decoding', () => {
    expect(canonicalArtifactPath('report%2541.txt')).toBe('report%2541.txt');
    expect(decodingLayers('report%2541.txt')).toEqual(['report%2541.txt', 'report%41.txt', 'reportA.txt']);
  });

  it('treats the root as an error unless allowed', () => {
    expect(() => canonicalArtifactPath('')).toThrow(/names no file/);
    expect(() => canonicalArtifactPath('./')).toThrow(/names no file/);
    expect(canonicalArtifactPath('', { allowRoot: true })).toBe('');
  });

  it.each([
    ['..', "'..'"],
    ['../etc/passwd', "'..'"],
    ['a/../../b', "'..'"],
    ['a/..', "'..'"],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/win.ini', 'drive'],
    ['c:evil', 'drive'],
    ['a\\..\\b', 'backslash'],
    ['..\\..\\etc', 'backslash'],
    ['a;b', "';'"],
    ['a/..;/b', "';'"],
    ['a#frag', "'#'"],
    ['a?x=1', "'?'"],
    ['a\u0000b', 'control'],
    ['a\nb', 'control'],
    ['a\u007fb', 'control'],
  ])('refuses %j (%s)', (value, reason) => {
    expect(() => canonicalArtifactPath(value, { allowRoot: true })).toThrow(new RegExp(reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it.each([
    '%2e%2e/etc/passwd',
    '%2E%2E%2Fetc',
    '%252e%252e/etc',
    '%25252e%25252e%25252fetc',
    'a%2f..%2f..%2fb',
    '..%2fb',
    '%5c..%5cb',
    'a%3bb',
    'a%23b',
    'a%3fb',
    'a%00b',
    '%252fetc%252fpasswd',
    '%2fetc',
    'C%3a/x',
    './%2f',
    './/%2fetc',
  ])('refuses the encoded traversal %j after repeated decoding', (value) => {
    expect(refused(value)).toBe(true);
  });

  it('refuses paths encoded more times than any client would', () => {
    let value = '..';
    for (let i = 0; i < 12; i++) value = value.replaceAll('%', '%25').replace('..', '%2e%2e');
    expect(refused(value)).toBe(true);
    // Many escapes side by side are fine: only nesting depth counts.
    expect(refused('%25'.repeat(20))).toBe(false);
  });

  it('refuses over-long names and paths, and the store’s reserved names', () => {
    expect(refused('a'.repeat(256))).toBe(true);
    expect(refused('é'.repeat(128))).toBe(true); // 256 bytes in UTF-8
    expect(refused(`${'a/'.repeat(2100)}x`)).toBe(true);
    expect(refused('dir/.sextant-upload-1234')).toBe(true);
  });
});

describe('helpers', () => {
  it('decodes leniently, like Python’s unquote', () => {
    expect(percentDecodeOnce('%41%zz%')).toBe('A%zz%');
    expect(percentDecodeOnce('%E2%9C%93')).toBe('✓');
    expect(percentDecodeOnce('%ff')).toBe('\ufffd');
  });

  it('joins, lists ancestors and recognises canonical paths', () => {
    expect(joinArtifactPath('', '1/run/artifacts', 'model')).toBe('1/run/artifacts/model');
    expect(() => joinArtifactPath('1/run', '../x')).toThrow(ApiError);
    expect(artifactPathAncestors('a/b/c')).toEqual(['a', 'a/b', 'a/b/c']);
    expect(artifactPathAncestors('')).toEqual([]);
    expect(isCanonicalArtifactPath('a/b')).toBe(true);
    expect(isCanonicalArtifactPath('a//b')).toBe(false);
    expect(isCanonicalArtifactPath('../b')).toBe(false);
  });

  it('decodes a URL tail once and drops the query string', () => {
    expect(artifactPathFromUrl('1/a%20b/c.txt?x=1')).toBe('1/a b/c.txt');
    expect(() => artifactPathFromUrl('1/%2e%2e/%2e%2e/etc/passwd')).toThrow(ApiError);
    expect(() => artifactPathFromUrl('1/..%252f..%252fetc')).toThrow(ApiError);
  });
});

// Generated attacks: any mix of traversal pieces, encodings and separators must either be refused
// or come out as a path whose every segment is a plain name (so joining it under a root stays there).
const piece = fc.constantFrom('..', '.', '', 'a', 'b c', '%2e', '%2e%2e', '%252e', '%2f', '%252f', '%5c', '\\', '/', ';', '#', '?', '%00', '%3b', 'C:', '~', '%', '%25', 'é', '%c0%ae', '.%2e', '%2e.');
const attack = fc.array(piece, { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(''));

describe('generated traversal attempts', () => {
  it('never yield a path that leaves the root', () => {
    fc.assert(
      fc.property(fc.oneof(attack, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })), (value) => {
        let canonical: string;
        try {
          canonical = canonicalArtifactPath(value, { allowRoot: true });
        } catch (error) {
          return error instanceof ApiError && error.code === 'INVALID_PARAMETER_VALUE';
        }
        for (const layer of decodingLayers(canonical)) {
          const segments = layer.split('/');
          if (layer.startsWith('/') || segments.includes('..') || /[\\;#?]/.test(layer) || layer.includes('\u0000')) return false;
        }
        return canonicalArtifactPath(canonical, { allowRoot: true }) === canonical;
      }),
      { numRuns: 5000 },
    );
  });
});
