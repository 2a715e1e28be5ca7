import { describe, expect, it } from 'vitest';
import { parseFilter } from './filter-parser';
import { printFilter, printIdentifier, printValue, quoteKey, quoteString } from './filter-printer';

describe('printing filters', () => {
  it('quotes keys only when they need it', () => {
    expect(quoteKey('accuracy')).toBe('accuracy');
    expect(quoteKey('mlflow.user')).toBe('`mlflow.user`');
    expect(quoteKey('val loss')).toBe('`val loss`');
    expect(quoteKey('learning-rate')).toBe('`learning-rate`');
    expect(quoteKey('1st')).toBe('`1st`');
    expect(quoteKey('a`b')).toBe('`a``b`');
    expect(quoteKey('Grüße')).toBe('Grüße');
    expect(quoteKey('key𓀀')).toBe('`key𓀀`');
  });

  it('prints attributes bare unless they look like keywords or need quotes', () => {
    expect(printIdentifier('attribute', 'status')).toBe('status');
    expect(printIdentifier('attribute', 'and')).toBe('`and`');
    expect(printIdentifier('attribute', 'run name')).toBe('`run name`');
    expect(printIdentifier('dataset', 'context')).toBe('datasets.context');
    expect(printIdentifier('param', 'alpha')).toBe('params.alpha');
  });

  it('prints values as MLflow reads them', () => {
    expect(quoteString("it's")).toBe("'it''s'");
    expect(printValue(['a', "b'c"])).toBe("('a', 'b''c')");
    expect(printValue(-0)).toBe('-0');
    expect(printValue(1e21)).toBe('1e+21');
    expect(() => printValue(Number.NaN)).toThrow(RangeError);
  });

  it('prints a canonical filter that parses back to the same clauses', () => {
    const text = "metric.acc>0.5 and tags.mlflow.user = \"bob\" AND run_id not in ('ab') and created < 3";
    const printed = printFilter(parseFilter(text, 'runs'));
    expect(printed).toBe("metrics.acc > 0.5 AND tags.`mlflow.user` = 'bob' AND run_id NOT IN ('ab') AND start_time < 3");
    expect(printFilter(parseFilter(printed, 'runs'))).toBe(printed);
  });
});
