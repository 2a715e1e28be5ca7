import { describe, expect, it } from 'vitest';
import { comparators } from './filter-ast';
import { parseFilter } from './filter-parser';
import { type SearchKind } from './search-rules';
import { SearchSyntaxError } from './search-syntax-error';

/** The clauses without spans, as tuples, to keep expectations short. */
function clauses(text: string, kind?: SearchKind) {
  return parseFilter(text, kind).clauses.map(({ entity, key, comparator, value }) => [entity, key, comparator, value]);
}

function errorOf(text: string, kind?: SearchKind): SearchSyntaxError {
  try {
    parseFilter(text, kind);
  } catch (error) {
    if (error instanceof SearchSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

/** The source text an error points at. */
function underlined(text: string, kind?: SearchKind): string {
  const error = errorOf(text, kind);
  return text.slice(error.start, error.end);
}

const runId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('parseFilter: the examples of the MLflow reference', () => {
  it.each<[string, SearchKind, unknown[]]>([
    ["metrics.rmse < 1 and params.model = 'lr'", 'runs', [['metric', 'rmse', '<', 1], ['param', 'model', '=', 'lr']]],
    ["tags.`mlflow.source.type` = 'LOCAL'", 'runs', [['tag', 'mlflow.source.type', '=', 'LOCAL']]],
    ["attributes.status = 'FINISHED'", 'runs', [['attribute', 'status', '=', 'FINISHED']]],
    [`attributes.run_id IN ('${runId}','0f1e2d3c4b5a69788796a5b4c3d2e1f0')`, 'runs', [['attribute', 'run_id', 'IN', [runId, '0f1e2d3c4b5a69788796a5b4c3d2e1f0']]]],
    ["datasets.context = 'training'", 'runs', [['dataset', 'context', '=', 'training']]],
    ["run_name LIKE 'exp-%'", 'runs', [['attribute', 'run_name', 'LIKE', 'exp-%']]],
    [`name = 'm' and run_id IN ('${runId}')`, 'modelVersions', [['attribute', 'name', '=', 'm'], ['attribute', 'run_id', 'IN', [runId]]]],
    ['metrics."val loss" <= 0.25', 'runs', [['metric', 'val loss', '<=', 0.25]]],
    ["tags.`mlflow.user` = 'alice'", 'runs', [['tag', 'mlflow.user', '=', 'alice']]],
  ])('%s', (text, kind, expected) => {
    expect(clauses(text, kind)).toEqual(expected);
  });

  it('reads an empty or blank filter as no clauses', () => {
    expect(parseFilter('').clauses).toEqual([]);
    expect(parseFilter('  \n\t ', 'runs').clauses).toEqual([]);
  });
});

describe('parseFilter: comparators', () => {
  it.each(comparators.filter((comparator) => comparator !== 'IN' && comparator !== 'NOT IN'))('reads %s', (comparator) => {
    expect(clauses(`params.p ${comparator} 'x'`)).toEqual([['param', 'p', comparator, 'x']]);
  });

  it('reads IN and NOT IN with a list', () => {
    expect(clauses("run_id IN ('a')")).toEqual([['attribute', 'run_id', 'IN', ['a']]]);
    expect(clauses("run_id NOT IN ('a', \"b\")")).toEqual([['attribute', 'run_id', 'NOT IN', ['a', 'b']]]);
  });

  it('reads keywords in any case and <> as !=', () => {
    expect(clauses("params.a like 'x' AnD params.b iLiKe 'y' and run_id not In ('z') And metrics.m <> 1")).toEqual([
      ['param', 'a', 'LIKE', 'x'],
      ['param', 'b', 'ILIKE', 'y'],
      ['attribute', 'run_id', 'NOT IN', ['z']],
      ['metric', 'm', '!=', 1],
    ]);
  });

  it('needs no spaces around symbols', () => {
    expect(clauses("metrics.a>=-1 and params.b='c'")).toEqual([['metric', 'a', '>=', -1], ['param', 'b', '=', 'c']]);
  });
});

describe('parseFilter: identifiers', () => {
  it.each([
    ['metric.a', 'metric'], ['metrics.a', 'metric'], ['param.a', 'param'], ['params.a', 'param'],
    ['parameter.a', 'param'], ['parameters.a', 'param'], ['tag.a', 'tag'], ['tags.a', 'tag'],
    ['attribute.a', 'attribute'], ['attributes.a', 'attribute'], ['attr.a', 'attribute'], ['run.a', 'attribute'],
    ['dataset.a', 'dataset'], ['datasets.a', 'dataset'], ['a', 'attribute'], ['METRICS.a', 'metric'], ['`tags`.a', 'tag'],
  ])('reads the prefix of %s as %s', (identifier, entity) => {
    expect(parseFilter(`${identifier} = 'v'`).clauses[0]?.entity).toBe(entity);
  });

  it.each([
    ['tags.mlflow.source.name', 'mlflow.source.name'],
    ['tags.`mlflow.source.name`', 'mlflow.source.name'],
    ['tags."mlflow.source.name"', 'mlflow.source.name'],
    ['metrics.`val loss (holdout)`', 'val loss (holdout)'],
    ['params.`with ``backticks```', 'with `backticks`'],
    ['params."with ""quotes"""', 'with "quotes"'],
    ['metrics.1st_epoch', '1st_epoch'],
    ['params.Grüße', 'Grüße'],
  ])('splits %s at the first dot, key %s', (identifier, key) => {
    expect(parseFilter(`${identifier} = 'v'`).clauses[0]?.key).toBe(key);
  });

  it('reads a quoted bare identifier as an attribute key', () => {
    expect(clauses("`run name` = 'x'")).toEqual([['attribute', 'run name', '=', 'x']]);
  });

  it('refuses an unknown prefix, naming it', () => {
    const error = errorOf("metricz.acc > 1");
    expect(error.message).toBe(`Invalid entity type 'metricz' at position 0 in "metricz.acc > 1"; expected one of metrics, params, tags, attributes, datasets`);
    expect([error.start, error.end]).toEqual([0, 7]);
  });

  it.each([
    ["metrics. > 1", 'metrics.', "Expected a key after 'metrics.'"],
    ["params.`a`.b = 'x'", '`a`', 'Quote the whole key'],
    ["params.`` = 'x'", '``', 'Empty key'],
    ["'model' = 'x'", "'model'", 'Expected an identifier'],
    ["= 'x'", '=', 'Expected an identifier'],
    ["params.`open = 'x'", "`open = 'x'", 'Unterminated ` quote'],
  ])('refuses %s', (text, token, problem) => {
    expect(underlined(text)).toBe(token);
    expect(errorOf(text).reason).toContain(problem);
  });
});

describe('parseFilter: values', () => {
  it.each([
    ['1', 1], ['-3', -3], ['0.5', 0.5], ['.5', 0.5], ['-.5', -0.5], ['2.', 2], ['1e3', 1000], ['1E-3', 0.001],
    ['-2.5e+2', -250], ['1732700000000', 1732700000000],
  ])('reads the number %s', (literal, value) => {
    expect(parseFilter(`metrics.m = ${literal}`).clauses[0]?.value).toBe(value);
  });

  it.each([
    ["'it''s'", "it's"], ['"say ""hi"""', 'say "hi"'], ["'say \"hi\"'", 'say "hi"'], ['"it\'s"', "it's"],
    ["''", ''], ["'100%'", '100%'], ["'C:\\temp\\x'", 'C:\\temp\\x'], ["'line\nbreak'", 'line\nbreak'], ["'AND'", 'AND'],
  ])('reads the string %s', (literal, value) => {
    expect(parseFilter(`params.p = ${literal}`).clauses[0]?.value).toBe(value);
  });

  it.each([
    ['params.p = abc', 'abc', "Expected a quoted string or a number but found 'abc'"],
    ['params.p = `abc`', '`abc`', 'Backticks quote keys, not values'],
    ['params.p = NULL', 'NULL', 'NULL values are not supported'],
    ["params.p = ('a')", '(', 'A value list is only allowed after IN or NOT IN'],
    ['params.p =', '', 'Expected a value after ='],
    ["params.p = 'open", "'open", "Unterminated ' quote"],
    ['metrics.m = 1e', '1e', "Invalid number '1e'"],
    ['metrics.m = 12abc', '12abc', "Invalid number '12abc'"],
    ["run_id IN 'a'", "'a'", 'Expected a parenthesised list of quoted strings after IN'],
    ['run_id IN ()', '()', 'Empty list after IN'],
    ["run_id IN ('a', 1)", '1', 'Expected a quoted string in the list'],
    ["run_id IN ('a',)", ')', 'Expected a quoted string in the list'],
    ["run_id IN ('a' 'b')", "'b'", "Expected ',' or ')'"],
    ["run_id IN ('a'", '', 'Unclosed list after IN'],
  ])('refuses %s', (text, token, problem) => {
    expect(underlined(text)).toBe(token);
    expect(errorOf(text).reason).toContain(problem);
  });
});

describe('parseFilter: what MLflow does not support', () => {
  it.each([
    ["metrics.a > 1 OR metrics.b > 1", 'OR', 'OR is not supported'],
    ["metrics.a > 1 or metrics.b > 1", 'or', 'OR is not supported'],
    ['(metrics.a > 1)', '(', 'Parentheses grouping is not supported'],
    ["metrics.a > 1 AND (metrics.b > 1)", '(', 'Parentheses grouping is not supported'],
    ["NOT params.a = 'x'", 'NOT', 'NOT is only supported as NOT IN'],
    ["params.a NOT LIKE 'x'", 'NOT', 'NOT is only supported as NOT IN'],
    ['tags.a IS NULL', 'IS', 'IS NULL comparisons are not supported'],
    ["tags.a = 'x' AND", '', 'Expected a comparison after AND'],
    ["AND tags.a = 'x'", 'AND', 'Expected a comparison before AND'],
    ["tags.a = 'x' AND AND tags.b = 'y'", 'AND', 'Expected a comparison before AND'],
    ["tags.a = 'x' tags.b = 'y'", 'tags', "Expected AND or the end of the filter but found 'tags'"],
    ["tags.a = 'x');", ')', "Unexpected ')'"],
    ["tags.a = 'x';", ';', "Expected AND or the end of the filter but found ';'"],
    ['metrics.a BETWEEN 1', 'BETWEEN', "Invalid comparator 'BETWEEN'"],
    ['metrics.a == 1', '==', "Invalid comparator '=='"],
    ["params.a 'x'", "'x'", "Expected a comparator after 'params.a'"],
    ['metrics.a', '', "Expected a comparator after 'metrics.a'"],
  ])('refuses %s at %s', (text, token, problem) => {
    expect(underlined(text)).toBe(token);
    expect(errorOf(text).reason).toContain(problem);
  });

  it('names the token, its position and the filter in the message', () => {
    const error = errorOf('metrics.acc ~ 0.9', 'runs');
    expect(error).toBeInstanceOf(SearchSyntaxError);
    expect(error.message).toBe(`Invalid comparator '~' at position 12 in "metrics.acc ~ 0.9"; expected one of =, !=, >, >=, <, <=`);
    expect(error.reason).toBe(`Invalid comparator '~'; expected one of =, !=, >, >=, <, <=`);
    expect([error.start, error.end]).toEqual([12, 13]);
    expect(error.input).toBe('metrics.acc ~ 0.9');
  });

  it('reports the first offending token, left to right', () => {
    expect(underlined("metrics.a ~ 1 AND params.b = 'unterminated")).toBe('~');
  });

  it('cuts a long filter down around the error in the message', () => {
    const text = `${"params.p = 'x' AND ".repeat(40)}metrics.m ~ 1`;
    const error = errorOf(text);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain("Invalid comparator '~' at position");
    expect(text.slice(error.start, error.end)).toBe('~');
  });
});

describe('parseFilter: spans', () => {
  it('locates each clause and its parts', () => {
    const text = "metrics.acc > 0.9 and tags.`a b` IN ('x', 'y')";
    const [first, second] = parseFilter(text).clauses;
    const slice = (span: { start: number; end: number } | undefined) => (span ? text.slice(span.start, span.end) : undefined);
    expect(slice(first?.span)).toBe('metrics.acc > 0.9');
    expect(slice(second?.span)).toBe("tags.`a b` IN ('x', 'y')");
    expect([slice(second?.identifierSpan), slice(second?.comparatorSpan), slice(second?.valueSpan)]).toEqual(['tags.`a b`', 'IN', "('x', 'y')"]);
  });

  it('spans NOT IN over both words', () => {
    const text = "run_id not  in ('a')";
    const clause = parseFilter(text).clauses[0];
    expect(text.slice(clause?.comparatorSpan.start, clause?.comparatorSpan.end)).toBe('not  in');
  });
});
