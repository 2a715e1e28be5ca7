import { describe, expect, it } from 'vitest';
import { type Completion, type KnownKeys, completeFilter } from './filter-autocomplete';
import { parseFilter } from './filter-parser';
import { type SearchKind } from './search-rules';

const known: KnownKeys = {
  metrics: ['accuracy', 'val loss', 'f1'],
  params: ['model', 'learning-rate'],
  tags: ['mlflow.user', 'team'],
  valuesFor: (entity, key) => (entity === 'param' && key === 'model' ? ['lr', 'gbm', "o'neil"] : undefined),
};

/** Completes at the `|` in `marked`; returns the completion and the text without the marker. */
function complete(marked: string, kind: SearchKind = 'runs'): Completion & { text: string; replaced: string; inserts: string[] } {
  const cursor = marked.indexOf('|');
  const text = marked.replace('|', '');
  const completion = completeFilter(text, cursor, kind, known);
  return {
    ...completion,
    text,
    replaced: text.slice(completion.replace.start, completion.replace.end),
    inserts: completion.suggestions.map((suggestion) => suggestion.insertText),
  };
}

/** Applies the suggestion with `insertText` to the text. */
function pick(marked: string, insertText: string, kind: SearchKind = 'runs'): string {
  const { text, replace, inserts } = complete(marked, kind);
  expect(inserts).toContain(insertText);
  return text.slice(0, replace.start) + insertText + text.slice(replace.end);
}

describe('completeFilter: identifiers', () => {
  it('offers entity prefixes and attributes at the start', () => {
    const result = complete('|');
    expect(result.expecting).toBe('identifier');
    expect(result.replace).toEqual({ start: 0, end: 0 });
    expect(result.inserts).toEqual(['metrics.', 'params.', 'tags.', 'datasets.', 'run_id', 'run_name', 'user_id', 'status', 'artifact_uri', 'start_time', 'end_time']);
  });

  it('offers only what the search kind allows', () => {
    expect(complete('|', 'experiments').inserts).toEqual(['tags.', 'name', 'creation_time', 'last_update_time']);
    expect(complete('|', 'modelVersions').inserts).toEqual(['tags.', 'name', 'run_id', 'source_path', 'version_number']);
  });

  it('filters by what is typed, prefix matches first, and offers matching keys directly', () => {
    const result = complete('ru|');
    expect(result.replaced).toBe('ru');
    expect(result.inserts).toEqual(['run_id', 'run_name']);
    expect(complete('time|').inserts).toEqual(['start_time', 'end_time']);
    expect(complete('acc|').inserts).toEqual(['metrics.accuracy']);
    expect(complete('user|').inserts).toEqual(['user_id', 'tags.`mlflow.user`']);
  });

  it('offers the keys of an entity after its dot, quoting those that need it', () => {
    const metrics = complete('metrics.|');
    expect(metrics.replace).toEqual({ start: 8, end: 8 });
    expect(metrics.inserts).toEqual(['accuracy', '`val loss`', 'f1']);
    expect(complete('params.lea|').inserts).toEqual(['`learning-rate`']);
    expect(complete('datasets.|').inserts).toEqual(['name', 'digest', 'context']);
    expect(complete('attributes.st|').inserts).toEqual(['status', 'start_time']);
  });

  it('completes a key being typed in backticks or with dots', () => {
    const quoted = complete('tags.`mlflow.u|');
    expect(quoted.replaced).toBe('`mlflow.u');
    expect(quoted.inserts).toEqual(['`mlflow.user`']);
    expect(complete('tags.mlflow.u|').replaced).toBe('mlflow.u');
    expect(pick('tags.mlflow.u|', '`mlflow.user`')).toBe('tags.`mlflow.user`');
  });

  it('replaces the whole key under the cursor', () => {
    const result = complete("metrics.ac|cur > 1 and params.model = 'x'");
    expect(result.replaced).toBe('accur');
    expect(pick("metrics.ac|cur > 1 and params.model = 'x'", 'accuracy')).toBe("metrics.accuracy > 1 and params.model = 'x'");
  });

  it('offers nothing for an entity the kind cannot search or an unknown prefix', () => {
    expect(complete('metrics.|', 'experiments').suggestions).toEqual([]);
    expect(complete('metricz.|').suggestions).toEqual([]);
  });

  it('offers identifiers again after AND', () => {
    const result = complete('metrics.f1 > 0.5 AND pa|');
    expect(result.expecting).toBe('identifier');
    expect(result.inserts).toEqual(['params.']);
  });
});

describe('completeFilter: comparators', () => {
  it('offers the comparators the field accepts', () => {
    expect(complete('metrics.accuracy |').inserts).toEqual(['=', '!=', '>', '>=', '<', '<=']);
    expect(complete('params.model |').inserts).toEqual(['=', '!=', 'LIKE', 'ILIKE']);
    expect(complete('run_id |').inserts).toEqual(['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN']);
    expect(complete('created |').inserts).toEqual(['=', '!=', '>', '>=', '<', '<=']);
  });

  it('completes a comparator being typed', () => {
    const result = complete('metrics.accuracy >|');
    expect(result.expecting).toBe('comparator');
    expect(result.replaced).toBe('>');
    expect(result.inserts).toEqual(['>', '>=']);
    expect(complete('params.model il|').inserts).toEqual(['ILIKE']);
    expect(complete('metrics.accuracy>|').inserts).toEqual(['>', '>=']);
  });

  it('completes NOT into NOT IN where lists are allowed', () => {
    const result = complete('run_id not |');
    expect(result.replaced).toBe('not ');
    expect(result.inserts).toEqual(['NOT IN']);
    expect(complete('params.model NOT |').inserts).toEqual([]);
  });
});

describe('completeFilter: values', () => {
  it('describes a numeric value', () => {
    const result = complete('metrics.accuracy > |');
    expect(result.expecting).toBe('value');
    expect(result.suggestions).toEqual([]);
    expect(result.hint).toBe('a number, e.g. 0.5');
  });

  it('offers known values, quoted', () => {
    expect(complete('status = |').inserts).toEqual(["'RUNNING'", "'SCHEDULED'", "'FINISHED'", "'FAILED'", "'KILLED'"]);
    expect(complete('params.model = |').inserts).toEqual(["'lr'", "'gbm'", "'o''neil'"]);
    expect(complete("params.model = 'g|").inserts).toEqual(["'gbm'"]);
    expect(complete("params.model LIKE |").hint).toContain('% matches any text');
  });

  it('replaces only up to the cursor in an unterminated string', () => {
    const result = complete("params.model = 'g| AND metrics.f1 > 1");
    expect(result.replace).toEqual({ start: 15, end: 17 });
  });

  it('offers list values after IN, and inside the list', () => {
    const start = complete('status IN |', 'loggedModels');
    expect(start.hint).toBe("a list of quoted strings, e.g. ('a', 'b')");
    const inside = complete("run_id IN ('a', |");
    expect(inside.expecting).toBe('list-item');
    expect(complete("run_id IN ('a' |").expecting).toBe('list-separator');
  });
});

describe('completeFilter: joining clauses', () => {
  it('offers AND after a complete comparison', () => {
    expect(complete("params.model = 'gbm' |").inserts).toEqual(['AND ']);
    expect(complete("params.model = 'gbm' a|").inserts).toEqual(['AND ']);
    expect(complete("params.model = 'gbm'|").inserts).toEqual([' AND ']);
    expect(complete("run_id IN ('a') |").expecting).toBe('and');
  });

  it('offers nothing after an error', () => {
    expect(complete('metrics.accuracy ~ |').expecting).toBe('nothing');
    expect(complete("params.model = 'a' OR |").suggestions).toEqual([]);
    expect(complete("'oops' |").expecting).toBe('nothing');
  });
});

describe('completeFilter: typing a whole filter with suggestions', () => {
  it('builds a filter that parses', () => {
    let text = pick('me|', 'metrics.');
    text = pick(`${text}|`, '`val loss`');
    text = pick(`${text} |`, '<=');
    text = `${text} 0.3`;
    text = pick(`${text} |`, 'AND ');
    text = pick(`${text}st|`, 'status');
    text = pick(`${text} |`, '=');
    text = pick(`${text} |`, "'FINISHED'");
    expect(text).toBe("metrics.`val loss` <= 0.3 AND status = 'FINISHED'");
    expect(parseFilter(text, 'runs').clauses).toHaveLength(2);
  });

  it('lists at most `limit` suggestions, prefix matches first', () => {
    expect(completeFilter('', 0, 'runs', known, 3).suggestions).toHaveLength(3);
    const metrics = [...Array.from({ length: 100 }, (_, i) => `x_acc_${i}`), 'acc', 'acc_top5'];
    const inserts = completeFilter('metrics.acc', 11, 'runs', { metrics }, 3).suggestions.map((suggestion) => suggestion.insertText);
    expect(inserts).toEqual(['acc', 'acc_top5', 'x_acc_0']);
  });

  it('clamps a cursor outside the text', () => {
    expect(completeFilter('metrics.', 99, 'runs', known).replace).toEqual({ start: 8, end: 8 });
    expect(completeFilter('metrics.', -5, 'runs', known).expecting).toBe('identifier');
  });
});
