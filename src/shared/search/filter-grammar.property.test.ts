import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FilterAst, comparators, isListComparator, searchEntities } from './filter-ast';
import { completeFilter } from './filter-autocomplete';
import { parseFilter } from './filter-parser';
import { printFilter } from './filter-printer';
import { parseOrderBy, printOrderBy } from './order-by';
import { entityAliases } from './search-identifier';
import { type SearchKind, searchKinds } from './search-rules';
import { SearchSyntaxError } from './search-syntax-error';

/** Any UTF-16 text, lone surrogates and control characters included, or text made of quotes and separators. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'\'"` .,()a1_-%\\\n'), maxLength: 12 }),
);

const clause = fc
  .record({
    entity: fc.constantFrom(...searchEntities),
    key: anyText.filter((key) => key !== ''),
    comparator: fc.constantFrom(...comparators),
  })
  .chain((head) =>
    (isListComparator(head.comparator)
      ? fc.array(anyText, { minLength: 1, maxLength: 4 })
      : fc.oneof(anyText, fc.double({ noNaN: true, noDefaultInfinity: true }))
    ).map((value) => ({ ...head, value })),
  );

/** Pieces of the grammar, glued at random, so generated input gets deep into the parser. */
const fragments = [
  'metrics', 'params', 'tags', 'attributes', 'datasets', 'run', '.', 'acc', '`val loss`', '"k"', "'v'", "'it''s'", "''",
  '`', '"', "'", '(', ')', ',', ';', 'AND', 'and', 'OR', 'NOT', 'IN', 'LIKE', 'ILIKE', 'IS', 'NULL', '=', '!=', '<>', '>=',
  '<', '~', '==', '-', '1', '-2.5', '1e', '1e-3', '.5', 'run_id', 'status', 'created', '`run name`', 'name', 'ASC', 'desc',
  'constructor', '__proto__', ' ', ' ', '\n',
];
const grammarish = fc.array(fc.constantFrom(...fragments), { maxLength: 16 }).map((parts) => parts.join(''));
const spacedGrammarish = fc.array(fc.constantFrom(...fragments), { maxLength: 16 }).map((parts) => parts.join(' '));

/** Filters written the many ways MLflow accepts (aliases, quoting, case, spacing), some then damaged. */
const randomCase = (word: string) => fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((upper) => [...word].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join(''));
const quoted = (quote: string) => anyText.map((text) => `${quote}${text.replaceAll(quote, quote + quote)}${quote}`);
const space = fc.constantFrom('', ' ', '  ', '\n');
const identifier = fc.oneof(
  fc.tuple(fc.constantFrom(...Object.keys(entityAliases)).chain(randomCase), fc.oneof(fc.constantFrom('acc', 'mlflow.user', '1st', 'name', 'context'), quoted('`'), quoted('"'))).map(([prefix, key]) => `${prefix}.${key}`),
  fc.constantFrom('run_id', 'status', 'start_time', 'created', '`run name`', '"Run Name"', 'name', 'version_number', 'creation_time', 'model_id'),
);
const comparatorText = fc.constantFrom('=', '!=', '<>', '>', '>=', '<', '<=', 'like', 'ILike', 'in', 'NOT IN', 'not  in');
const number = fc.oneof(fc.constantFrom('1', '-2.5', '.5', '1e-3', '3.', '1732700000000'), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String));
const list = fc.array(fc.oneof(quoted("'"), quoted('"')), { minLength: 1, maxLength: 3 }).map((items) => `(${items.join(', ')})`);
const surfaceClause = fc.tuple(identifier, space, comparatorText, space, fc.oneof(number, quoted("'"), quoted('"'), list)).map((parts) => parts.join(''));
const surfaceFilter = fc.array(fc.tuple(surfaceClause, fc.constantFrom(' and ', ' AND ', '\nAnd ')), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([text, and], i) => (i === 0 ? text : and + text)).join(''));
const damaged = fc.tuple(surfaceFilter, fc.nat(), fc.nat(3), fc.constantFrom(...fragments)).map(([text, at, cut, insert]) => {
  const position = at % (text.length + 1);
  return text.slice(0, position) + insert + text.slice(position + cut);
});
const input = fc.oneof(anyText, grammarish, spacedGrammarish, surfaceFilter, damaged);
const kind = fc.option(fc.constantFrom(...searchKinds), { nil: undefined });

function withoutSpans(ast: FilterAst) {
  return ast.clauses.map(({ entity, key, comparator, value }) => ({ entity, key, comparator, value }));
}

/** Runs `parse`; returns its result or undefined when it refused with a well-formed SearchSyntaxError. */
function parsesOrRefuses<T>(text: string, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    expect(error).toBeInstanceOf(SearchSyntaxError);
    const refusal = error as SearchSyntaxError;
    expect(refusal.input).toBe(text);
    expect(0 <= refusal.start && refusal.start <= refusal.end && refusal.end <= text.length).toBe(true);
    return undefined;
  }
}

describe('filter grammar properties', () => {
  it('prints any filter so that it parses back to the same clauses', () => {
    fc.assert(
      fc.property(fc.array(clause, { maxLength: 5 }), (clauses) => {
        expect(withoutSpans(parseFilter(printFilter({ clauses })))).toEqual(clauses);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses anything it cannot read with a SearchSyntaxError inside the input, and nothing else', () => {
    fc.assert(
      fc.property(input, kind, (text, searchKind) => {
        parsesOrRefuses(text, () => parseFilter(text, searchKind));
        parsesOrRefuses(text, () => parseOrderBy(text, searchKind ?? 'runs'));
      }),
      { numRuns: 2000 },
    );
  });

  it('prints what it parsed into text that parses to the same clauses', () => {
    fc.assert(
      fc.property(input, kind, (text, searchKind) => {
        const ast = parsesOrRefuses(text, () => parseFilter(text, searchKind));
        if (ast) expect(withoutSpans(parseFilter(printFilter(ast), searchKind))).toEqual(withoutSpans(ast));
        const order = parsesOrRefuses(text, () => parseOrderBy(text, searchKind ?? 'runs'));
        if (order) expect(parseOrderBy(printOrderBy(order), searchKind ?? 'runs')).toEqual(order);
      }),
      { numRuns: 1000 },
    );
  });

  it('completes any text at any cursor without throwing, replacing a range of the text', () => {
    fc.assert(
      fc.property(input, fc.nat(60), fc.constantFrom<SearchKind>(...searchKinds), (text, cursor, searchKind) => {
        const completion = completeFilter(text, cursor, searchKind, { metrics: ['a b'], params: ['p'], tags: ['t.x'] });
        const { start, end } = completion.replace;
        expect(0 <= start && start <= end && end <= text.length).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
