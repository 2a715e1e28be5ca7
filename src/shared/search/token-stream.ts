import { type Span } from './filter-ast';
import { type Token, tokenize } from './filter-tokenizer';
import { SearchSyntaxError } from './search-syntax-error';

/** A cursor over the tokens of one input, shared by the filter and order_by parsers. */
export class TokenStream {
  private readonly tokens: Token[];
  private index = 0;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
  }

  /** The next token, unread; throws if the tokenizer could not read it. */
  peek(offset = 0): Token | undefined {
    const token = this.tokens[this.index + offset];
    if (token?.problem) {
      this.fail(token, token.problem, problemHint(token));
    }
    return token;
  }

  next(): Token | undefined {
    const token = this.peek();
    if (token) this.index += 1;
    return token;
  }

  /** The next token if it is the keyword `word` (any case). */
  nextKeyword(word: string): Token | undefined {
    const token = this.peek();
    return isKeyword(token, word) ? this.next() : undefined;
  }

  get atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  /** The span of a token, or an empty span at the end of the input. */
  spanOf(token: Token | undefined): Span {
    return token ? { start: token.start, end: token.end } : { start: this.text.length, end: this.text.length };
  }

  fail(at: Token | Span | undefined, problem: string, hint?: string): never {
    const span = at && 'start' in at ? { start: at.start, end: at.end } : this.spanOf(undefined);
    throw new SearchSyntaxError(this.text, span, problem, hint);
  }
}

export function isKeyword(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toUpperCase() === word;
}

function problemHint(token: Token): string | undefined {
  if (token.kind === 'quoted') return `close it with ${token.quote}; double a quote to include it, e.g. 'it''s'`;
  if (token.kind === 'number') return 'numbers look like 3, -0.5 or 1e-3';
  return undefined;
}
