import { describe, expect, it } from 'vitest';
import { tokenize } from './filter-tokenizer';

const kinds = (text: string) => tokenize(text).map((token) => `${token.kind}:${token.text}`);

describe('tokenize', () => {
  it('splits a filter into words, dots, symbols, quotes, numbers and punctuation', () => {
    expect(kinds("metrics.acc>=0.5 AND run_id IN ('a',\"b\")")).toEqual([
      'word:metrics', 'dot:.', 'word:acc', 'symbol:>=', 'number:0.5', 'word:AND', 'word:run_id', 'word:IN',
      'lparen:(', "quoted:'a'", 'comma:,', 'quoted:"b"', 'rparen:)',
    ]);
  });

  it('reads a dot as part of an identifier only when glued to a name', () => {
    expect(kinds('tags.`a`.b')).toEqual(['word:tags', 'dot:.', 'quoted:`a`', 'dot:.', 'word:b']);
    expect(kinds('metrics.a > .5')).toEqual(['word:metrics', 'dot:.', 'word:a', 'symbol:>', 'number:.5']);
    expect(kinds("'a'.b")).toEqual(["quoted:'a'", 'symbol:.', 'word:b']);
  });

  it('lets a key segment after a dot start with a digit', () => {
    expect(kinds('metrics.1st')).toEqual(['word:metrics', 'dot:.', 'word:1st']);
  });

  it('unescapes doubled quotes and keeps backslashes', () => {
    const [single, double, backtick, backslash] = tokenize("'it''s' \"a\"\"b\" `c``d` 'x\\y'");
    expect([single?.value, double?.value, backtick?.value, backslash?.value]).toEqual(["it's", 'a"b', 'c`d', 'x\\y']);
    expect(single?.quote).toBe("'");
  });

  it('marks an unterminated quote instead of throwing', () => {
    const [token] = tokenize("'open");
    expect(token).toMatchObject({ kind: 'quoted', value: 'open', start: 0, end: 5, problem: "Unterminated ' quote" });
  });

  it.each([['1', 1], ['-1', -1], ['1.5', 1.5], ['.5', 0.5], ['-.5', -0.5], ['3.', 3], ['1e9', 1e9], ['2E+2', 200], ['5e-1', 0.5]])(
    'reads the number %s',
    (text, value) => {
      expect(tokenize(text)).toEqual([{ kind: 'number', text, start: 0, end: text.length, value }]);
    },
  );

  it.each(['1e', '1e+', '12ab', '1.5x', '-2_'])('marks the malformed number %s', (text) => {
    expect(tokenize(text)[0]?.problem).toBe(`Invalid number '${text}'`);
  });

  it('ends a symbol run where a negative number starts', () => {
    expect(kinds('>=-1 =~ ! -')).toEqual(['symbol:>=', 'number:-1', 'symbol:=~', 'symbol:!', 'symbol:-']);
  });

  it('skips any whitespace and records offsets', () => {
    expect(tokenize('\t a\n=\r\n1 ').map((token) => [token.start, token.end])).toEqual([[2, 3], [4, 5], [7, 8]]);
  });
});
