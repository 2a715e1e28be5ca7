import { type Comparator, type SearchEntity } from './filter-ast';
import { entityPrefixes } from './search-identifier';

/**
 * What each MLflow search may filter on (section 4 of the MLflow reference): which entities,
 * which attribute keys, the type of each and the comparators it accepts.
 */
export const searchKinds = ['runs', 'experiments', 'registeredModels', 'modelVersions', 'loggedModels'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchKindLabels: Readonly<Record<SearchKind, string>> = {
  runs: 'run search',
  experiments: 'experiment search',
  registeredModels: 'registered model search',
  modelVersions: 'model version search',
  loggedModels: 'logged model search',
};

export type ValueType = 'number' | 'string';

/** One filterable field after normalisation (`created` → attribute `start_time`). */
export interface FieldRule {
  entity: SearchEntity;
  key: string;
  type: ValueType;
  /** IN / NOT IN among them means the field takes a list of strings. */
  comparators: readonly Comparator[];
  /** Known values, offered by the autocomplete (e.g. run statuses). */
  values?: readonly string[];
  /** MLflow drops list values with upper-case letters: stored run ids are lower-case hex. */
  lowercaseListValues?: boolean;
}

type FieldSpec = Omit<FieldRule, 'entity' | 'key'>;

interface EntityRules {
  /** Any key is allowed (metrics, params, tags) with this spec... */
  anyKey?: FieldSpec;
  /** ...or only these keys (attributes, datasets). */
  keys?: Readonly<Record<string, FieldSpec>>;
  /** Alternative spellings, matched case-insensitively, mapped to a key of `keys`. */
  aliases?: Readonly<Record<string, string>>;
}

const numeric: FieldSpec = { type: 'number', comparators: ['=', '!=', '>', '>=', '<', '<='] };
const text: FieldSpec = { type: 'string', comparators: ['=', '!=', 'LIKE', 'ILIKE'] };
const textOrList: FieldSpec = { type: 'string', comparators: ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'] };

const rules: Readonly<Record<SearchKind, Partial<Record<SearchEntity, EntityRules>>>> = {
  runs: {
    metric: { anyKey: numeric },
    param: { anyKey: text },
    tag: { anyKey: text },
    attribute: {
      keys: {
        run_id: { ...textOrList, lowercaseListValues: true },
        run_name: text,
        user_id: text,
        status: { ...text, values: ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] },
        artifact_uri: text,
        start_time: numeric,
        end_time: numeric,
      },
      aliases: { created: 'start_time', 'run name': 'run_name' },
    },
    dataset: { keys: { name: textOrList, digest: textOrList, context: textOrList } },
  },
  experiments: {
    attribute: { keys: { name: text, creation_time: numeric, last_update_time: numeric } },
    tag: { anyKey: text },
  },
  registeredModels: {
    attribute: { keys: { name: text } },
    tag: { anyKey: text },
  },
  modelVersions: {
    attribute: {
      keys: {
        name: text,
        run_id: { type: 'string', comparators: [...text.comparators, 'IN'], lowercaseListValues: true },
        source_path: text,
        version_number: numeric,
      },
    },
    tag: { anyKey: text },
  },
  loggedModels: {
    metric: { anyKey: numeric },
    param: { anyKey: text },
    tag: { anyKey: text },
    attribute: {
      keys: {
        name: textOrList,
        model_id: textOrList,
        model_type: textOrList,
        status: textOrList,
        source_run_id: textOrList,
        creation_timestamp: numeric,
        last_updated_timestamp: numeric,
      },
      aliases: { creation_time: 'creation_timestamp', last_updated_time: 'last_updated_timestamp' },
    },
  },
};

/** The entities a search kind can filter on, in suggestion order. */
export function searchableEntities(kind: SearchKind): SearchEntity[] {
  return Object.keys(rules[kind]) as SearchEntity[];
}

/** The fixed keys of an entity (attributes, datasets), or undefined when any key is allowed. */
export function fixedKeys(kind: SearchKind, entity: SearchEntity): string[] | undefined {
  const keys = rules[kind][entity]?.keys;
  return keys ? Object.keys(keys) : undefined;
}

export interface FieldProblem {
  /** Which part of the identifier is wrong. */
  at: 'entity' | 'key';
  problem: string;
  hint: string;
}

/** Looks up a field for a search kind, normalising attribute aliases. */
export function resolveField(kind: SearchKind, entity: SearchEntity, key: string): FieldRule | FieldProblem {
  const entityRules = rules[kind][entity];
  if (!entityRules) {
    const expected = searchableEntities(kind).map((name) => entityPrefixes[name]);
    return { at: 'entity', problem: `Invalid entity type '${entityPrefixes[entity]}' for ${searchKindLabels[kind]}`, hint: `expected one of ${expected.join(', ')}` };
  }
  if (entityRules.anyKey) return { entity, key, ...entityRules.anyKey };
  const canonical = own(entityRules.aliases, key.toLowerCase()) ?? key;
  const spec = own(entityRules.keys, canonical);
  if (!spec) {
    const valid = Object.keys(entityRules.keys ?? {}).join(', ');
    return { at: 'key', problem: `Invalid ${entity} key '${key}' for ${searchKindLabels[kind]}`, hint: `valid keys are ${valid}` };
  }
  return { entity, key: canonical, ...spec };
}

/** Plain-object lookup that ignores inherited names such as `constructor`. */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function isFieldProblem(result: FieldRule | FieldProblem): result is FieldProblem {
  return 'problem' in result;
}
