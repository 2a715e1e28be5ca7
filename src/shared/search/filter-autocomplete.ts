import { type SearchEntity, type Span, isListComparator } from './filter-ast';
import { type Token, tokenize } from './filter-tokenizer';
import { printIdentifier, quoteKey, quoteString } from './filter-printer';
import { type CompletionSlot, completionSlot } from './completion-slot';
import { entityOf, entityPrefixes } from './search-identifier';
import { type FieldRule, type SearchKind, fixedKeys, searchableEntities } from './search-rules';

/** Keys the dashboard knows for the current experiment(s), and optional value lists. */
export interface KnownKeys {
  metrics?: readonly string[];
  params?: readonly string[];
  tags?: readonly string[];
  /** Values to offer for a string field, e.g. the values a param takes; run statuses are built in. */
  valuesFor?: (entity: SearchEntity, key: string) => readonly string[] | undefined;
}

export type SuggestionKind = 'entity' | 'attribute' | 'key' | 'comparator' | 'value' | 'keyword';

export interface Suggestion {
  kind: SuggestionKind;
  /** What the list shows. */
  label: string;
  /** What replaces `Completion.replace` when the suggestion is picked. */
  insertText: string;
}

export interface Completion {
  /** What the grammar expects at the cursor. */
  expecting: CompletionSlot['expecting'];
  /** The text range a picked suggestion replaces (0-based, end exclusive). */
  replace: Span;
  suggestions: Suggestion[];
  /** A description of what fits when it cannot be listed, e.g. "a number, e.g. 0.5". */
  hint?: string;
}

const editable = new Set<Token['kind']>(['word', 'quoted', 'number', 'symbol', 'dot']);
const defaultLimit = 50;

/**
 * What fits at `cursor` in a filter being typed: entity prefixes, attributes and known keys
 * (quoted in backticks when they need it), comparators allowed for the field, values, or AND.
 * Only the text before the cursor decides; `replace` covers the token under the cursor.
 */
export function completeFilter(text: string, cursor: number, kind: SearchKind, known: KnownKeys = {}, limit = defaultLimit): Completion {
  const at = Math.max(0, Math.min(cursor, text.length));
  const tokens = tokenize(text);
  const currentIndex = tokens.findIndex((token) => isBeingTyped(token, at));
  const current = tokens[currentIndex];
  const chain = current ? identifierChain(tokens, currentIndex) : [];
  const first = chain[0] ?? current;
  const slot = completionSlot(text.slice(0, first ? first.start : at), kind);
  const replace = first ? { start: first.start, end: current?.problem ? at : (chain.at(-1) ?? first).end } : { start: at, end: at };
  const typed = text.slice(replace.start, at);
  const result = (suggestions: Suggestion[], hint?: string, span = replace): Completion => ({
    expecting: slot.expecting,
    replace: span,
    suggestions: suggestions.slice(0, limit),
    ...(hint ? { hint } : {}),
  });

  switch (slot.expecting) {
    case 'identifier': {
      const dot = chain.find((token) => token.kind === 'dot' && token.start < at);
      if (!dot) return result(identifierSuggestions(kind, known, unquote(typed), limit));
      const entity = entityOf(unquote(text.slice(replace.start, dot.start)));
      const keySpan = { start: dot.end, end: replace.end };
      const keys = entity && searchableEntities(kind).includes(entity) ? keysOf(kind, entity, known) : [];
      const matches = rank(keys, unquote(text.slice(dot.end, at)), (key) => key, limit);
      return result(matches.map((key) => ({ kind: 'key', label: key, insertText: quoteKey(key) })), undefined, keySpan);
    }
    case 'comparator': {
      const span = slot.pendingNot ? { start: slot.pendingNot.start, end: replace.end } : replace;
      const typedComparator = text.slice(span.start, at).replace(/\s+/g, ' ');
      const fitting = slot.field.comparators.filter((comparator) => comparator.startsWith(typedComparator.toUpperCase()));
      return result(fitting.map((comparator) => ({ kind: 'comparator', label: comparator, insertText: comparator })), undefined, span);
    }
    case 'value':
    case 'list-item': {
      const asList = slot.expecting === 'value' && isListComparator(slot.comparator);
      const values = rank(valuesOf(slot.field, known), unquote(typed), (value) => value, limit);
      const insert = (value: string) => (asList ? `(${quoteString(value)})` : quoteString(value));
      return result(values.map((value) => ({ kind: 'value', label: value, insertText: insert(value) })), valueHint(slot));
    }
    case 'and': {
      if (!'AND'.startsWith(typed.toUpperCase())) return result([]);
      const glued = replace.start > 0 && !/\s/u.test(text[replace.start - 1] as string);
      return result([{ kind: 'keyword', label: 'AND', insertText: glued ? ' AND ' : 'AND ' }]);
    }
    case 'list-separator':
      return result([], "',' and another quoted string, or ')'");
    case 'nothing':
      return result([]);
  }
}

/** The token under the cursor, unless it is finished: a closed quote or punctuation right before the cursor. */
function isBeingTyped(token: Token, at: number): boolean {
  if (token.start >= at || at > token.end || !editable.has(token.kind)) return false;
  return !(token.kind === 'quoted' && !token.problem && token.end === at);
}

/** The glued run of identifier tokens (`tags`, `.`, `` `mlflow.u ``) around the token at `index`. */
function identifierChain(tokens: Token[], index: number): Token[] {
  const isPart = (token: Token | undefined) => token?.kind === 'word' || token?.kind === 'dot' || (token?.kind === 'quoted' && token.quote !== "'");
  if (!isPart(tokens[index])) return [tokens[index] as Token];
  const glued = (left: Token, right: Token) =>
    left.end === right.start && (left.kind === 'dot' || right.kind === 'dot') && isPart(left) && isPart(right);
  let start = index;
  while (start > 0 && glued(tokens[start - 1] as Token, tokens[start] as Token)) start -= 1;
  let end = index;
  while (end + 1 < tokens.length && glued(tokens[end] as Token, tokens[end + 1] as Token)) end += 1;
  return tokens.slice(start, end + 1);
}

function identifierSuggestions(kind: SearchKind, known: KnownKeys, typed: string, limit: number): Suggestion[] {
  const entities = searchableEntities(kind).filter((entity) => entity !== 'attribute');
  const prefixes = rank(entities.map((entity) => `${entityPrefixes[entity]}.`), typed, (prefix) => prefix);
  const attributes = rank(fixedKeys(kind, 'attribute') ?? [], typed, (key) => key);
  const suggestions: Suggestion[] = [
    ...prefixes.map((prefix): Suggestion => ({ kind: 'entity', label: prefix, insertText: prefix })),
    ...attributes.map((key): Suggestion => ({ kind: 'attribute', label: key, insertText: printIdentifier('attribute', key) })),
  ];
  if (typed === '') return suggestions;
  // Typing part of a known metric, param or tag key offers the whole identifier.
  for (const entity of entities.filter((candidate) => !fixedKeys(kind, candidate))) {
    for (const key of rank(keysOf(kind, entity, known), typed, (name) => name, limit)) {
      const identifier = printIdentifier(entity, key);
      suggestions.push({ kind: 'key', label: identifier, insertText: identifier });
    }
  }
  return suggestions;
}

function keysOf(kind: SearchKind, entity: SearchEntity, known: KnownKeys): readonly string[] {
  const free: Partial<Record<SearchEntity, readonly string[] | undefined>> = { metric: known.metrics, param: known.params, tag: known.tags };
  return fixedKeys(kind, entity) ?? free[entity] ?? [];
}

function valuesOf(field: FieldRule, known: KnownKeys): string[] {
  if (field.type !== 'string') return [];
  return [...new Set([...(field.values ?? []), ...(known.valuesFor?.(field.entity, field.key) ?? [])])];
}

function valueHint(slot: Extract<CompletionSlot, { expecting: 'value' | 'list-item' }>): string {
  if (slot.field.type === 'number') return 'a number, e.g. 0.5';
  if (slot.expecting === 'list-item') return 'a quoted string';
  if (isListComparator(slot.comparator)) return "a list of quoted strings, e.g. ('a', 'b')";
  if (slot.comparator === 'LIKE' || slot.comparator === 'ILIKE') return "a quoted pattern: % matches any text, _ one character, e.g. 'exp-%'";
  return "a quoted string, e.g. 'value'";
}

/** Up to `limit` candidates whose name starts with `typed` (any case), then those that contain it. */
function rank<T>(candidates: readonly T[], typed: string, name: (candidate: T) => string, limit = defaultLimit): T[] {
  const needle = typed.toLowerCase();
  const starts: T[] = [];
  const contains: T[] = [];
  for (const candidate of candidates) {
    const index = name(candidate).toLowerCase().indexOf(needle);
    if (index === 0) starts.push(candidate);
    else if (index > 0 && contains.length < limit) contains.push(candidate);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

/** Drops the quotes around a key or value being typed. */
function unquote(typed: string): string {
  const opening = typed[0];
  if (opening !== '`' && opening !== '"' && opening !== "'") return typed;
  const body = typed.slice(1);
  return (body.endsWith(opening) ? body.slice(0, -1) : body).replaceAll(opening + opening, opening);
}
