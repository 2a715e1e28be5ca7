import { describe, expect, it } from 'vitest';
import { parseLoggedModelOrderBy, parseOrderBy, parseOrderByList, printOrderBy } from './order-by';
import { type SearchKind } from './search-rules';
import { SearchSyntaxError } from './search-syntax-error';

function refusal(run: () => unknown): SearchSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof SearchSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a SearchSyntaxError');
}

describe('parseOrderBy', () => {
  it.each<[string, SearchKind, unknown]>([
    ['metrics.rmse', 'runs', { entity: 'metric', key: 'rmse', ascending: true }],
    ['metrics.rmse DESC', 'runs', { entity: 'metric', key: 'rmse', ascending: false }],
    ['metrics.`val loss` desc', 'runs', { entity: 'metric', key: 'val loss', ascending: false }],
    ['params.alpha Asc', 'runs', { entity: 'param', key: 'alpha', ascending: true }],
    ['attributes.start_time DESC', 'runs', { entity: 'attribute', key: 'start_time', ascending: false }],
    ['tags.`mlflow.user`', 'runs', { entity: 'tag', key: 'mlflow.user', ascending: true }],
    ['tags.`mlflow.runName`', 'runs', { entity: 'tag', key: 'mlflow.runName', ascending: true }],
    ['tags.`mlflow.source.name` ASC', 'runs', { entity: 'tag', key: 'mlflow.source.name', ascending: true }],
    ['tags.`mlflow.source.git.commit` DESC', 'runs', { entity: 'tag', key: 'mlflow.source.git.commit', ascending: false }],
    ['created', 'runs', { entity: 'attribute', key: 'start_time', ascending: true }],
    ['`run name` DESC', 'runs', { entity: 'attribute', key: 'run_name', ascending: false }],
    ...['run_id', 'run_name', 'user_id', 'status', 'end_time', 'artifact_uri'].map((key): [string, SearchKind, unknown] => [key, 'runs', { entity: 'attribute', key, ascending: true }]),
    ...['name', 'experiment_id', 'creation_time', 'last_update_time'].map((key): [string, SearchKind, unknown] => [`${key} DESC`, 'experiments', { entity: 'attribute', key, ascending: false }]),
    ['name', 'registeredModels', { entity: 'attribute', key: 'name', ascending: true }],
    ['timestamp DESC', 'registeredModels', { entity: 'attribute', key: 'last_updated_timestamp', ascending: false }],
    ['last_updated_timestamp', 'registeredModels', { entity: 'attribute', key: 'last_updated_timestamp', ascending: true }],
    ...['name', 'version_number', 'creation_timestamp', 'last_updated_timestamp'].map((key): [string, SearchKind, unknown] => [key, 'modelVersions', { entity: 'attribute', key, ascending: true }]),
    ['metrics.accuracy DESC', 'loggedModels', { entity: 'metric', key: 'accuracy', ascending: false }],
    ['creation_time', 'loggedModels', { entity: 'attribute', key: 'creation_timestamp', ascending: true }],
    ['  name   desc  ', 'experiments', { entity: 'attribute', key: 'name', ascending: false }],
  ])('%s for %s', (clause, kind, expected) => {
    expect(parseOrderBy(clause, kind)).toEqual(expected);
  });

  it.each<[string, SearchKind, string, string]>([
    ['', 'runs', '', 'Empty order_by clause'],
    ['datasets.name', 'runs', 'datasets', "Invalid order_by entity 'datasets' for run search"],
    ['lifecycle_stage', 'runs', 'lifecycle_stage', "Invalid order_by key 'lifecycle_stage' for run search; valid keys are metrics.<key>, params.<key>, tags.<key>, run_id"],
    ['metrics.a sideways', 'runs', 'sideways', "Invalid ordering keyword 'sideways'; expected ASC or DESC"],
    ['metrics.a DESC ASC', 'runs', 'ASC', "Unexpected 'ASC' after the sort direction"],
    ['metrics.a, metrics.b', 'runs', ',', "Invalid ordering keyword ','"],
    ['metricz.a', 'runs', 'metricz', "Invalid entity type 'metricz'; expected one of metrics, params, tags, attributes"],
    ['tags.team', 'experiments', 'tags', "Invalid order_by entity 'tags' for experiment search"],
    ['creation_timestamp', 'registeredModels', 'creation_timestamp', "Invalid order_by key 'creation_timestamp' for registered model search; valid keys are name, last_updated_timestamp"],
    ['version', 'modelVersions', 'version', "Invalid order_by key 'version'"],
    ['params.alpha', 'loggedModels', 'params', "Invalid order_by entity 'params' for logged model search"],
    ["'name'", 'experiments', "'name'", 'Expected an identifier'],
  ])('refuses %j for %s at %j', (clause, kind, token, reason) => {
    const error = refusal(() => parseOrderBy(clause, kind));
    expect(clause.slice(error.start, error.end)).toBe(token);
    expect(error.reason).toContain(reason);
  });
});

describe('parseOrderByList', () => {
  it('parses every clause in order', () => {
    expect(parseOrderByList(['metrics.a DESC', 'start_time'], 'runs')).toEqual([
      { entity: 'metric', key: 'a', ascending: false },
      { entity: 'attribute', key: 'start_time', ascending: true },
    ]);
    expect(parseOrderByList(undefined, 'runs')).toEqual([]);
  });

  it('refuses a key given twice for registered models, aliases included', () => {
    const error = refusal(() => parseOrderByList(['timestamp', 'last_updated_timestamp DESC'], 'registeredModels'));
    expect(error.message).toBe(`Duplicate order_by key 'last_updated_timestamp' at position 0 in "last_updated_timestamp DESC"; each key may appear once`);
    expect(() => parseOrderByList(['name', 'name DESC'], 'registeredModels')).toThrow(SearchSyntaxError);
  });

  it('lets other searches repeat a key, as MLflow does', () => {
    expect(parseOrderByList(['name', 'name DESC'], 'experiments')).toHaveLength(2);
  });
});

describe('printOrderBy', () => {
  it('prints a clause that parses back', () => {
    const clause = { entity: 'tag', key: 'mlflow.user', ascending: false } as const;
    expect(printOrderBy(clause)).toBe('tags.`mlflow.user` DESC');
    expect(parseOrderBy(printOrderBy(clause), 'runs')).toEqual(clause);
  });
});

describe('parseLoggedModelOrderBy', () => {
  it('reads metrics.<key> as written and attributes with aliases', () => {
    expect(parseLoggedModelOrderBy({ fieldName: 'metrics.val loss', ascending: false, datasetName: 'eval', datasetDigest: 'ab' })).toEqual({
      entity: 'metric', key: 'val loss', ascending: false, datasetName: 'eval', datasetDigest: 'ab',
    });
    expect(parseLoggedModelOrderBy({ fieldName: 'creation_time' })).toEqual({ entity: 'attribute', key: 'creation_timestamp', ascending: true });
    expect(parseLoggedModelOrderBy({ fieldName: ' model_id ' })).toEqual({ entity: 'attribute', key: 'model_id', ascending: true });
  });

  it.each([
    [{ fieldName: 'params.alpha' }, "Invalid order_by field 'params.alpha'"],
    [{ fieldName: 'metrics.' }, 'Empty metric key'],
    [{ fieldName: 'run_id' }, "Invalid order_by field 'run_id'; valid fields are metrics.<key>, name, model_id"],
    [{ fieldName: 'metrics.a', datasetDigest: 'ab' }, 'dataset_digest is only allowed together with dataset_name'],
  ])('refuses %j', (input, reason) => {
    expect(refusal(() => parseLoggedModelOrderBy(input)).reason).toContain(reason);
  });
});
