import { describe, expect, it } from 'vitest';
import { Utf8Chunk } from './utf8-chunk';

describe('Utf8Chunk', () => {
  it('encodes what is appended as UTF-8, growing past its first guess', () => {
    const chunk = new Utf8Chunk(4);
    const parts = ['{"a":"é"}', '\n', 'x'.repeat(3000), '😀', '"\\u0000"'];
    for (const part of parts) chunk.append(part);
    expect(chunk.bytes().toString('utf8')).toBe(parts.join(''));
    expect(chunk.byteLength).toBe(Buffer.byteLength(parts.join('')));
  });

  it('drops the last bytes to continue before a closing character', () => {
    const chunk = new Utf8Chunk(1024);
    chunk.append('{"seq":1}');
    chunk.dropLast(1);
    chunk.append(',"hash":"ab"}\n');
    expect(chunk.bytes().toString()).toBe('{"seq":1,"hash":"ab"}\n');
  });
});
