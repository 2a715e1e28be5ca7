/**
 * Splits a filter or order_by clause into tokens. It never throws: a token it cannot read
 * (an unterminated quote, a malformed number) carries a `problem` that the parser reports when
 * it reaches that token, so errors come out left to right, and the autocomplete can work on
 * half-typed text.
 */
export type TokenKind = 'word' | 'quoted' | 'number' | 'symbol' | 'dot' | 'lparen' | 'rparen' | 'comma';

export interface Token {
  kind: TokenKind;
  /** The source text of the token. */
  text: string;
  start: number;
  end: number;
  /** For `quoted`: the opening quote character (`'`, `"` or a backtick). */
  quote?: string;
  /** For `quoted`: the unescaped content; for `number`: the numeric value. */
  value?: string | number;
  /** Why this token cannot be used (e.g. an unterminated quote). */
  problem?: string;
}

const quotes = new Set(["'", '"', '`']);
const punctuation: Record<string, TokenKind> = { '(': 'lparen', ')': 'rparen', ',': 'comma' };

export function isWordStart(char: string): boolean {
  return char === '_' || /\p{L}/u.test(char);
}

export function isWordChar(char: string): boolean {
  return char === '_' || /[\p{L}\p{N}]/u.test(char);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isSpace(char: string): boolean {
  return /\s/u.test(char);
}

/** A symbol run is any other punctuation (`=`, `>=`, `~`, `==`...): the parser judges it. */
function isSymbolChar(char: string): boolean {
  return !isSpace(char) && !isWordChar(char) && !quotes.has(char) && !(char in punctuation) && char !== '.';
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, extra: Partial<Token> = {}) => {
    tokens.push({ kind, text: text.slice(start, end), start, end, ...extra });
    i = end;
  };
  while (i < text.length) {
    const char = text[i] as string;
    const previous = tokens.at(-1);
    const glued = previous !== undefined && previous.end === i;
    if (isSpace(char)) {
      i += 1;
    } else if (char === '.' && glued && (previous.kind === 'word' || (previous.kind === 'quoted' && previous.quote !== "'"))) {
      push('dot', i, i + 1);
    } else if (glued && previous.kind === 'dot' && isWordChar(char)) {
      // A key segment after a dot may start with a digit: `metrics.1st_epoch`.
      push('word', i, scanWhile(text, i, isWordChar));
    } else if (isWordStart(char)) {
      push('word', i, scanWhile(text, i, isWordChar));
    } else if (quotes.has(char)) {
      const { end, value, closed } = scanQuoted(text, i);
      push('quoted', i, end, { quote: char, value, ...(closed ? {} : { problem: `Unterminated ${char} quote` }) });
    } else if (startsNumber(text, i)) {
      const end = scanNumber(text, i);
      const raw = text.slice(i, end);
      const trailing = scanWhile(text, end, isWordChar);
      if (trailing > end || /[eE][+-]?$/.test(raw)) push('number', i, trailing, { problem: `Invalid number '${text.slice(i, trailing)}'` });
      else push('number', i, end, { value: Number(raw) });
    } else if (char in punctuation) {
      push(punctuation[char] as TokenKind, i, i + 1);
    } else {
      let end = i + 1;
      while (end < text.length && isSymbolChar(text[end] as string) && !startsNumber(text, end)) end += 1;
      push('symbol', i, end);
    }
  }
  return tokens;
}

function scanWhile(text: string, from: number, test: (char: string) => boolean): number {
  let end = from;
  while (end < text.length && test(text[end] as string)) end += 1;
  return end;
}

/** Quotes are escaped by doubling them, as in SQL: `'it''s'`. Backslashes are kept as typed. */
function scanQuoted(text: string, start: number): { end: number; value: string; closed: boolean } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === quote) {
      if (text[i + 1] !== quote) return { end: i + 1, value, closed: true };
      i += 1;
    }
    value += char;
    i += 1;
  }
  return { end: text.length, value, closed: false };
}

function startsNumber(text: string, i: number): boolean {
  const at = text[i] === '-' ? i + 1 : i;
  return isDigit(text[at]) || (text[at] === '.' && isDigit(text[at + 1]));
}

/** `-?digits[.digits][e[+-]digits]`, also `.5` and `1.`; the caller rejects what follows. */
function scanNumber(text: string, start: number): number {
  let i = text[start] === '-' ? start + 1 : start;
  i = scanWhile(text, i, isDigit);
  if (text[i] === '.') i = scanWhile(text, i + 1, isDigit);
  if (text[i] === 'e' || text[i] === 'E') {
    let exponent = i + 1;
    if (text[exponent] === '+' || text[exponent] === '-') exponent += 1;
    const digitsEnd = scanWhile(text, exponent, isDigit);
    i = digitsEnd > exponent ? digitsEnd : exponent;
  }
  return i;
}
