import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../mlflow/mlflow-message';
import { parseLogBatch } from './log-batch-parse';
import { logBatch } from './tracking-messages';

/** The fast path must agree with the zod message on every input: same output, or the same error. */
const outcome = (parse: () => unknown) => {
  try {
    return { ok: parse() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};
const agree = (fields: Record<string, unknown>) => expect(outcome(() => parseLogBatch(fields))).toEqual(outcome(() => parseMessage(logBatch, fields)));

describe('parseLogBatch', () => {
  it('copies plain metrics as zod would, dropping unknown fields and nulls', () => {
    const fields = {
      run_id: 'r',
      metrics: [
        { key: 'loss', value: 0.5, timestamp: 10, step: 3, extra: 'x' },
        { key: 'acc', value: -1, timestamp: 0, step: null, model_id: null, dataset_name: 'train', dataset_digest: 'abc' },
      ],
      params: [{ key: 'p', value: '1' }],
    };
    agree(fields);
    expect(parseLogBatch(fields).metrics).toEqual([
      { key: 'loss', value: 0.5, timestamp: 10, step: 3 },
      { key: 'acc', value: -1, timestamp: 0, dataset_name: 'train', dataset_digest: 'abc' },
    ]);
  });

  it.each([
    [{ key: 'm', value: 'NaN', timestamp: 1 }],
    [{ key: 'm', value: '0.5', timestamp: '7', step: '2' }],
    [{ key: 7, value: 1, timestamp: 1 }],
    [{ key: 'm', value: 1, timestamp: 1.5 }],
    [{ key: 'm', value: 1, timestamp: 2 ** 53 }],
    [{ key: 'm\u0000', value: 1, timestamp: 1 }],
    [{ key: 'm', value: true, timestamp: 1 }],
    [{ key: 'm', timestamp: 1 }],
    [{ key: 'm', value: 1, timestamp: 1, model_id: 5 }],
  ])('leaves %j to zod, with the same result', (odd) => {
    agree({ run_id: 'r', metrics: [{ key: 'ok', value: 1, timestamp: 1 }, odd] });
  });

  it('agrees with zod on random requests', () => {
    const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constantFrom('NaN', '\u0000', 2 ** 53, -0, 1.5));
    const metric = fc.oneof(
      fc.record({ key: fc.string({ maxLength: 4 }), value: fc.double({ noNaN: true, noDefaultInfinity: true }), timestamp: fc.maxSafeInteger(), step: fc.option(fc.maxSafeInteger()) }),
      fc.record({ key: scalar, value: scalar, timestamp: scalar, step: scalar, model_id: scalar, dataset_name: scalar, dataset_digest: scalar, other: scalar }, { requiredKeys: [] }),
      scalar,
    );
    const request = fc.record(
      { run_id: scalar, run_uuid: scalar, metrics: fc.oneof(fc.array(metric, { maxLength: 5 }), scalar), params: fc.oneof(fc.array(fc.record({ key: scalar, value: scalar })), scalar) },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(request, (fields) => {
      agree(fields);
    }), { numRuns: 2000 });
  });
});
