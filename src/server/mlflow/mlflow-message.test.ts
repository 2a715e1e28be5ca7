import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../errors';
import { toMlflowJson } from './mlflow-json';
import { bool, double, int64, parseMessage, repeated, str } from './mlflow-message';

const searchRequest = z.object({
  experiment_ids: repeated(str),
  max_results: int64.optional(),
  value: double.optional(),
  flag: bool.optional(),
});

describe('MLflow request messages', () => {
  it('accepts query-string encodings (strings, repeated keys) and JSON encodings alike', () => {
    expect(parseMessage(searchRequest, { experiment_ids: '1', max_results: '10', value: 'NaN', flag: 'true' })).toEqual({
      experiment_ids: ['1'],
      max_results: 10,
      value: Number.NaN,
      flag: true,
    });
    expect(parseMessage(searchRequest, { experiment_ids: ['1', '2'], max_results: 10, value: '-Infinity' })).toMatchObject({
      experiment_ids: ['1', '2'],
      value: Number.NEGATIVE_INFINITY,
    });
  });

  it('names the parameter in MLflow’s words when a value is missing or wrong', () => {
    const missing = () => parseMessage(searchRequest, {});
    expect(missing).toThrow(ApiError);
    expect(missing).toThrow("Missing value for required parameter 'experiment_ids'.");
    expect(() => parseMessage(searchRequest, { experiment_ids: ['1'], max_results: 'ten' })).toThrow(
      /Invalid value "ten" for parameter 'max_results' supplied.*See the API docs/,
    );
  });
});

describe('MLflow response encoding', () => {
  it('omits unset and empty repeated fields and spells non-finite doubles as strings', () => {
    expect(
      toMlflowJson({ run: { info: { run_id: 'a', end_time: undefined, tags: [] }, data: { metrics: [{ value: Number.NaN }, { value: Number.POSITIVE_INFINITY }] } } }),
    ).toEqual({ run: { info: { run_id: 'a' }, data: { metrics: [{ value: 'NaN' }, { value: 'Infinity' }] } } });
  });

  it('returns what needs no change as it is and never changes its input', () => {
    const plain = { metrics: [{ key: 'a', value: 1, step: 0 }, { key: 'b', value: 2, step: 1 }] };
    expect(toMlflowJson(plain)).toBe(plain);
    const mixed = { metrics: [{ key: 'a', value: 1 }, { key: 'b', value: Number.NaN, extra: null }], tags: [] };
    const encoded = toMlflowJson(mixed) as typeof mixed;
    expect(encoded).toEqual({ metrics: [{ key: 'a', value: 1 }, { key: 'b', value: 'NaN' }] });
    expect(encoded.metrics[0]).toBe(mixed.metrics[0]);
    expect(mixed).toEqual({ metrics: [{ key: 'a', value: 1 }, { key: 'b', value: Number.NaN, extra: null }], tags: [] });
  });
});
