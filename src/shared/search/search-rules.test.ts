import { describe, expect, it } from 'vitest';
import { parseFilter } from './filter-parser';
import { type SearchKind, fixedKeys, resolveField, searchableEntities } from './search-rules';
import { SearchSyntaxError } from './search-syntax-error';

function refusal(text: string, kind: SearchKind): { token: string; reason: string } {
  try {
    parseFilter(text, kind);
  } catch (error) {
    if (!(error instanceof SearchSyntaxError)) throw error;
    return { token: text.slice(error.start, error.end), reason: error.reason };
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused for ${kind}`);
}

function only(text: string, kind: SearchKind) {
  const [clause] = parseFilter(text, kind).clauses;
  return clause && [clause.entity, clause.key, clause.comparator, clause.value];
}

describe('run search', () => {
  it.each([
    "metrics.acc = 1", "metrics.acc != 1", "metrics.acc > 1", "metrics.acc >= 1", "metrics.acc < 1", "metrics.acc <= 1",
    "params.p = 'a'", "params.p != 'a'", "params.p LIKE 'a%'", "params.p ILIKE 'A%'",
    "tags.t = 'a'", "tags.t != 'a'", "tags.t LIKE 'a%'", "tags.t ILIKE 'a%'",
    "run_name = 'a'", "user_id LIKE 'a%'", "status != 'FAILED'", "artifact_uri ILIKE '%s3%'",
    "run_id = 'abc'", "run_id IN ('abc')", "run_id NOT IN ('abc')",
    'start_time > 1', 'end_time <= 2', 'attributes.start_time = 3',
    "datasets.name = 'wine'", "datasets.digest IN ('1a2b')", "datasets.context NOT IN ('test')", "dataset.context LIKE 'train%'",
  ])('accepts %s', (text) => {
    expect(parseFilter(text, 'runs').clauses).toHaveLength(1);
  });

  it('normalises attribute aliases', () => {
    expect(only('created > 5', 'runs')).toEqual(['attribute', 'start_time', '>', 5]);
    expect(only('Created > 5', 'runs')).toEqual(['attribute', 'start_time', '>', 5]);
    expect(only("`run name` = 'x'", 'runs')).toEqual(['attribute', 'run_name', '=', 'x']);
    expect(only("attributes.`Run Name` = 'x'", 'runs')).toEqual(['attribute', 'run_name', '=', 'x']);
    expect(only('run."Run name" = \'x\'', 'runs')).toEqual(['attribute', 'run_name', '=', 'x']);
  });

  it('drops run ids with upper-case letters from IN lists, as MLflow does', () => {
    expect(only("run_id IN ('abc', 'ABC', 'aBc', '123')", 'runs')).toEqual(['attribute', 'run_id', 'IN', ['abc', '123']]);
  });

  it.each([
    ["metrics.acc LIKE '1'", 'LIKE', "Invalid comparator 'LIKE' for metrics.acc; expected one of =, !=, >, >=, <, <="],
    ["metrics.acc IN ('1')", 'IN', "Invalid comparator 'IN' for metrics.acc"],
    ["metrics.acc > '1'", "'1'", "Expected a numeric value for metrics.acc but found '1'"],
    ['params.p > 1', '>', "Invalid comparator '>' for params.p; expected one of =, !=, LIKE, ILIKE"],
    ['params.p = 1', '1', "Expected a quoted string value for params.p but found 1"],
    ["tags.t IN ('a')", 'IN', "Invalid comparator 'IN' for tags.t"],
    ["status IN ('FINISHED')", 'IN', "Invalid comparator 'IN' for status; expected one of =, !=, LIKE, ILIKE"],
    ["start_time > '1'", "'1'", 'Expected a numeric value for start_time'],
    ["start_time LIKE '1%'", 'LIKE', "Invalid comparator 'LIKE' for start_time"],
    ["run_id > 'a'", '>', "Invalid comparator '>' for run_id"],
    ["lifecycle_stage = 'active'", 'lifecycle_stage', "Invalid attribute key 'lifecycle_stage' for run search; valid keys are run_id, run_name, user_id, status, artifact_uri, start_time, end_time"],
    ["attributes.constructor = 'x'", 'constructor', "Invalid attribute key 'constructor'"],
    ["datasets.source = 'x'", 'source', "Invalid dataset key 'source' for run search; valid keys are name, digest, context"],
    ['datasets.name > 1', '>', "Invalid comparator '>' for datasets.name"],
  ])('refuses %s at %s', (text, token, reason) => {
    const { token: underlined, reason: message } = refusal(text, 'runs');
    expect(underlined).toBe(token);
    expect(message).toContain(reason);
  });
});

describe('experiment search', () => {
  it.each([
    "name = 'x'", "name LIKE 'x%'", "name ILIKE 'x%'", "name != 'x'", 'creation_time > 1', 'last_update_time <= 2',
    "tags.team = 'a'", "tag.team LIKE 'a%'", "attribute.name = 'x'",
  ])('accepts %s', (text) => {
    expect(parseFilter(text, 'experiments').clauses).toHaveLength(1);
  });

  it.each([
    ['metrics.a > 1', 'metrics', "Invalid entity type 'metrics' for experiment search; expected one of attributes, tags"],
    ["params.a = 'x'", 'params', "Invalid entity type 'params'"],
    ["datasets.name = 'x'", 'datasets', "Invalid entity type 'datasets'"],
    ["experiment_id = '1'", 'experiment_id', "Invalid attribute key 'experiment_id' for experiment search; valid keys are name, creation_time, last_update_time"],
    ["name IN ('x')", 'IN', "Invalid comparator 'IN' for name"],
    ["creation_time = 'x'", "'x'", 'Expected a numeric value for creation_time'],
  ])('refuses %s at %s', (text, token, reason) => {
    expect(refusal(text, 'experiments')).toEqual({ token, reason: expect.stringContaining(reason) });
  });
});

describe('registered model search', () => {
  it.each(["name = 'm'", "name LIKE 'm%'", "name ILIKE 'M%'", "name != 'm'", "tags.`mlflow.prompt.is_prompt` = 'true'"])('accepts %s', (text) => {
    expect(parseFilter(text, 'registeredModels').clauses).toHaveLength(1);
  });

  it.each([
    ["run_id = 'a'", 'run_id', "Invalid attribute key 'run_id' for registered model search; valid keys are name"],
    ["name IN ('m')", 'IN', "Invalid comparator 'IN' for name"],
    ['metrics.a > 1', 'metrics', "Invalid entity type 'metrics'"],
    ['creation_timestamp > 1', 'creation_timestamp', 'Invalid attribute key'],
  ])('refuses %s at %s', (text, token, reason) => {
    expect(refusal(text, 'registeredModels')).toEqual({ token, reason: expect.stringContaining(reason) });
  });
});

describe('model version search', () => {
  it.each([
    "name = 'm'", "run_id = 'abc'", "run_id IN ('abc', 'def')", "source_path LIKE 'models:/%'", 'version_number > 2',
    "tags.validated = 'true'", "name = 'm' and version_number = 3",
  ])('accepts %s', (text) => {
    expect(parseFilter(text, 'modelVersions').clauses.length).toBeGreaterThan(0);
  });

  it('drops upper-case run ids from IN lists', () => {
    expect(only("run_id IN ('abc', 'DEF')", 'modelVersions')).toEqual(['attribute', 'run_id', 'IN', ['abc']]);
  });

  it.each([
    ["run_id NOT IN ('a')", 'NOT IN', "Invalid comparator 'NOT IN' for run_id; expected one of =, !=, LIKE, ILIKE, IN"],
    ["name IN ('m')", 'IN', "Invalid comparator 'IN' for name"],
    ["version_number = '1'", "'1'", 'Expected a numeric value for version_number'],
    ["version = 1", 'version', "Invalid attribute key 'version'"],
    ["source = 'x'", 'source', "Invalid attribute key 'source'"],
    ["params.a = 'x'", 'params', "Invalid entity type 'params' for model version search"],
  ])('refuses %s at %s', (text, token, reason) => {
    expect(refusal(text, 'modelVersions')).toEqual({ token, reason: expect.stringContaining(reason) });
  });
});

describe('logged model search', () => {
  it.each([
    'metrics.accuracy > 0.9', "params.alpha = '0.5'", "tags.t LIKE 'x%'", "name = 'm'", "model_id IN ('m-1')",
    "model_type NOT IN ('agent')", "status = 'READY'", "source_run_id = 'abc'", 'creation_timestamp > 1', 'last_updated_timestamp < 2',
  ])('accepts %s', (text) => {
    expect(parseFilter(text, 'loggedModels').clauses).toHaveLength(1);
  });

  it('normalises time aliases and keeps upper-case list values', () => {
    expect(only('creation_time > 1', 'loggedModels')).toEqual(['attribute', 'creation_timestamp', '>', 1]);
    expect(only('last_updated_time < 1', 'loggedModels')).toEqual(['attribute', 'last_updated_timestamp', '<', 1]);
    expect(only("model_id IN ('M-ABC')", 'loggedModels')).toEqual(['attribute', 'model_id', 'IN', ['M-ABC']]);
  });

  it.each([
    ["datasets.name = 'x'", 'datasets', "Invalid entity type 'datasets' for logged model search"],
    ["run_id = 'x'", 'run_id', "Invalid attribute key 'run_id' for logged model search"],
    ["metrics.a LIKE 'x'", 'LIKE', "Invalid comparator 'LIKE' for metrics.a"],
  ])('refuses %s at %s', (text, token, reason) => {
    expect(refusal(text, 'loggedModels')).toEqual({ token, reason: expect.stringContaining(reason) });
  });
});

describe('rule lookups', () => {
  it('lists entities and fixed keys per kind', () => {
    expect(searchableEntities('runs')).toEqual(['metric', 'param', 'tag', 'attribute', 'dataset']);
    expect(searchableEntities('experiments')).toEqual(['attribute', 'tag']);
    expect(fixedKeys('runs', 'dataset')).toEqual(['name', 'digest', 'context']);
    expect(fixedKeys('runs', 'metric')).toBeUndefined();
  });

  it('resolves a field with its type and comparators', () => {
    expect(resolveField('runs', 'attribute', 'created')).toEqual({
      entity: 'attribute',
      key: 'start_time',
      type: 'number',
      comparators: ['=', '!=', '>', '>=', '<', '<='],
    });
    expect(resolveField('experiments', 'metric', 'a')).toMatchObject({ at: 'entity' });
  });
});
