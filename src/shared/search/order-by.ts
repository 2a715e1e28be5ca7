import { type SearchEntity } from './filter-ast';
import { printIdentifier } from './filter-printer';
import { entityOf, entityPrefixes, readIdentifier } from './search-identifier';
import { type SearchKind, searchKindLabels } from './search-rules';
import { SearchSyntaxError, describeToken } from './search-syntax-error';
import { TokenStream, isKeyword } from './token-stream';

/** One sort key: `metrics.rmse DESC` → `{ entity: 'metric', key: 'rmse', ascending: false }`. */
export interface OrderByClause {
  entity: SearchEntity;
  key: string;
  ascending: boolean;
}

interface OrderByRules {
  /** Entities sortable by any key. */
  anyKey: readonly SearchEntity[];
  attributes: readonly string[];
  /** Alternative spellings (matched case-insensitively) mapped to an attribute. */
  aliases?: Readonly<Record<string, string>>;
}

/** Section 4 of the MLflow reference, order_by table. */
const orderByRules: Readonly<Record<SearchKind, OrderByRules>> = {
  runs: {
    anyKey: ['metric', 'param', 'tag'],
    attributes: ['run_id', 'run_name', 'user_id', 'status', 'start_time', 'end_time', 'artifact_uri'],
    aliases: { created: 'start_time', 'run name': 'run_name' },
  },
  experiments: { anyKey: [], attributes: ['name', 'experiment_id', 'creation_time', 'last_update_time'] },
  registeredModels: { anyKey: [], attributes: ['name', 'last_updated_timestamp'], aliases: { timestamp: 'last_updated_timestamp' } },
  modelVersions: { anyKey: [], attributes: ['name', 'version_number', 'creation_timestamp', 'last_updated_timestamp'] },
  loggedModels: {
    anyKey: ['metric'],
    attributes: ['name', 'model_id', 'model_type', 'status', 'source_run_id', 'creation_timestamp', 'last_updated_timestamp'],
    aliases: { creation_time: 'creation_timestamp', last_updated_time: 'last_updated_timestamp' },
  },
};

const clauseHint = 'write <identifier> [ASC|DESC], e.g. metrics.rmse DESC';

/** Parses one `"<identifier> [ASC|DESC]"` clause (ASC by default, keywords in any case). */
export function parseOrderBy(clause: string, kind: SearchKind): OrderByClause {
  const rules = orderByRules[kind];
  const stream = new TokenStream(clause);
  if (stream.atEnd) stream.fail({ start: 0, end: clause.length }, 'Empty order_by clause', clauseHint);
  const identifier = readIdentifier(stream, [...rules.anyKey, 'attribute']);
  let key = identifier.key;
  if (identifier.entity === 'attribute') {
    key = normaliseAttribute(rules, key) ?? stream.fail(identifier.keySpan, `Invalid order_by key '${key}' for ${searchKindLabels[kind]}`, `valid keys are ${describeKeys(rules)}`);
  } else if (!rules.anyKey.includes(identifier.entity)) {
    stream.fail(identifier.entitySpan ?? identifier.span, `Invalid order_by entity '${entityPrefixes[identifier.entity]}' for ${searchKindLabels[kind]}`, `valid keys are ${describeKeys(rules)}`);
  }
  const direction = stream.next();
  if (direction && !isKeyword(direction, 'ASC') && !isKeyword(direction, 'DESC')) {
    stream.fail(direction, `Invalid ordering keyword ${describeToken(direction.text)}`, 'expected ASC or DESC');
  }
  const extra = stream.peek();
  if (extra) stream.fail(extra, `Unexpected ${describeToken(extra.text)} after the sort direction`, clauseHint);
  return { entity: identifier.entity, key, ascending: !isKeyword(direction, 'DESC') };
}

/**
 * Parses an order_by list. Registered model search refuses a key given twice (after aliases:
 * `timestamp` and `last_updated_timestamp` are the same key), as MLflow does.
 */
export function parseOrderByList(clauses: readonly string[] | undefined, kind: SearchKind): OrderByClause[] {
  const parsed: OrderByClause[] = [];
  for (const clause of clauses ?? []) {
    const next = parseOrderBy(clause, kind);
    const duplicate = parsed.some((seen) => seen.entity === next.entity && seen.key === next.key);
    if (duplicate && kind === 'registeredModels') {
      throw new SearchSyntaxError(clause, { start: 0, end: clause.length }, `Duplicate order_by key '${next.key}'`, 'each key may appear once');
    }
    parsed.push(next);
  }
  return parsed;
}

/** The canonical clause text, e.g. `` tags.`mlflow.user` DESC ``. */
export function printOrderBy(clause: OrderByClause): string {
  return `${printIdentifier(clause.entity, clause.key)} ${clause.ascending ? 'ASC' : 'DESC'}`;
}

/** Logged model search sends order_by as objects (`field_name`, `ascending`, `dataset_name`, `dataset_digest`). */
export interface LoggedModelOrderByInput {
  fieldName: string;
  ascending?: boolean;
  datasetName?: string;
  datasetDigest?: string;
}

export interface LoggedModelOrderBy extends OrderByClause {
  datasetName?: string;
  datasetDigest?: string;
}

/**
 * Validates one logged-model order_by object: `metrics.<key>` (the key is taken as written,
 * no quoting) or an attribute; `datasetDigest` only together with `datasetName`.
 */
export function parseLoggedModelOrderBy(input: LoggedModelOrderByInput): LoggedModelOrderBy {
  const { fieldName, ascending = true, datasetName, datasetDigest } = input;
  const whole = { start: 0, end: fieldName.length };
  const fail = (problem: string, hint?: string): never => {
    throw new SearchSyntaxError(fieldName, whole, problem, hint);
  };
  if (datasetDigest && !datasetName) fail('dataset_digest is only allowed together with dataset_name');
  const dot = fieldName.indexOf('.');
  const datasets = { ...(datasetName ? { datasetName } : {}), ...(datasetDigest ? { datasetDigest } : {}) };
  if (dot >= 0) {
    const key = fieldName.slice(dot + 1);
    if (entityOf(fieldName.slice(0, dot)) !== 'metric') fail(`Invalid order_by field '${fieldName}'`, 'only metrics.<name> or an attribute is allowed');
    if (key === '') fail('Empty metric key', 'e.g. metrics.accuracy');
    return { entity: 'metric', key, ascending, ...datasets };
  }
  const rules = orderByRules.loggedModels;
  const key = normaliseAttribute(rules, fieldName.trim()) ?? fail(`Invalid order_by field '${fieldName}'`, `valid fields are ${describeKeys(rules)}`);
  return { entity: 'attribute', key, ascending, ...datasets };
}

function normaliseAttribute(rules: OrderByRules, key: string): string | undefined {
  const lower = key.toLowerCase();
  if (rules.aliases && Object.hasOwn(rules.aliases, lower)) return rules.aliases[lower];
  return rules.attributes.includes(key) ? key : undefined;
}

function describeKeys(rules: OrderByRules): string {
  return [...rules.anyKey.map((entity) => `${entityPrefixes[entity]}.<key>`), ...rules.attributes].join(', ');
}
