import { type SearchEntity, type Span, searchEntities } from './filter-ast';
import { type Token } from './filter-tokenizer';
import { describeToken } from './search-syntax-error';
import { type TokenStream } from './token-stream';

/** Every prefix MLflow accepts before the first dot (matched case-insensitively here). */
export const entityAliases: Readonly<Record<string, SearchEntity>> = {
  metric: 'metric',
  metrics: 'metric',
  param: 'param',
  params: 'param',
  parameter: 'param',
  parameters: 'param',
  tag: 'tag',
  tags: 'tag',
  attribute: 'attribute',
  attributes: 'attribute',
  attr: 'attribute',
  run: 'attribute',
  dataset: 'dataset',
  datasets: 'dataset',
};

/** The entity a prefix names (any case), or undefined. */
export function entityOf(prefix: string): SearchEntity | undefined {
  const lower = prefix.toLowerCase();
  return Object.hasOwn(entityAliases, lower) ? entityAliases[lower] : undefined;
}

/** The prefix we print and suggest for each entity. */
export const entityPrefixes: Readonly<Record<SearchEntity, string>> = {
  metric: 'metrics',
  param: 'params',
  tag: 'tags',
  attribute: 'attributes',
  dataset: 'datasets',
};

export interface ParsedIdentifier {
  entity: SearchEntity;
  /** Unquoted, not yet normalised. */
  key: string;
  span: Span;
  /** Absent for a bare attribute (`status`). */
  entitySpan?: Span;
  keySpan: Span;
}

const identifierHint = 'write <entity>.<key> such as metrics.accuracy, params.model or tags.`mlflow.user`, or an attribute such as status';

export function isIdentifierSegment(token: Token | undefined): boolean {
  return token?.kind === 'word' || (token?.kind === 'quoted' && token.quote !== "'");
}

function segmentValue(token: Token): string {
  return token.kind === 'quoted' ? String(token.value) : token.text;
}

/**
 * Reads `<entity>.<key>` split at the first dot, or a bare attribute key. Keys may be wrapped in
 * backticks or double quotes (`` tags.`mlflow.user` ``, `metrics."val loss"`); unquoted keys may
 * contain dots (`tags.mlflow.user`). `entities` only shapes the hint for an unknown prefix.
 */
export function readIdentifier(stream: TokenStream, entities: readonly SearchEntity[] = searchEntities): ParsedIdentifier {
  const first = stream.peek();
  if (!isIdentifierSegment(first)) {
    const hint = first?.kind === 'quoted' ? 'single quotes are for values; quote keys with backticks' : identifierHint;
    return stream.fail(first, `Expected an identifier but found ${describeToken(first?.text)}`, hint);
  }
  const firstSegment = stream.next() as Token;
  const segments: Token[] = [firstSegment];
  while (stream.peek()?.kind === 'dot') {
    const dot = stream.next() as Token;
    const segment = stream.peek();
    if (!isIdentifierSegment(segment) || segment?.start !== dot.end) {
      const written = { start: firstSegment.start, end: dot.end };
      return stream.fail(written, `Expected a key after '${stream.text.slice(written.start, written.end)}'`, 'quote keys with special characters in backticks');
    }
    segments.push(stream.next() as Token);
  }
  const last = segments.at(-1) as Token;
  const span = { start: firstSegment.start, end: last.end };
  if (segments.length === 1) {
    const key = segmentValue(firstSegment);
    if (key === '') return stream.fail(span, 'Empty key', identifierHint);
    return { entity: 'attribute', key, span, keySpan: span };
  }

  const prefix = segmentValue(firstSegment);
  const entity = entityOf(prefix);
  if (!entity) {
    const expected = entities.map((name) => entityPrefixes[name]).join(', ');
    return stream.fail(firstSegment, `Invalid entity type '${prefix}'`, `expected one of ${expected}`);
  }
  const keySegments = segments.slice(1);
  const keySpan = { start: (keySegments[0] as Token).start, end: last.end };
  const quoted = keySegments.find((token) => token.kind === 'quoted');
  if (quoted && keySegments.length > 1) {
    return stream.fail(quoted, `Quote the whole key, not part of it: ${describeToken(stream.text.slice(keySpan.start, keySpan.end))}`, 'e.g. tags.`mlflow.source.name`');
  }
  const key = keySegments.map(segmentValue).join('.');
  if (key === '') return stream.fail(keySpan, 'Empty key', identifierHint);
  return { entity, key, span, entitySpan: { start: firstSegment.start, end: firstSegment.end }, keySpan };
}
