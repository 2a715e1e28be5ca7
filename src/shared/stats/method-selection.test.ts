import { describe, expect, it } from 'vitest';
import { defaultDriftMethod } from './method-selection';

describe('defaultDriftMethod (Evidently _get_default_stattest)', () => {
  it.each([
    ['numeric', 1000, 2, 'z'],
    ['numeric', 1000, 3, 'chisquare'],
    ['numeric', 1000, 5, 'chisquare'],
    ['numeric', 1000, 6, 'ks'],
    ['numeric', 10, 1, 'z'],
    ['categorical', 1000, 1, 'z'],
    ['categorical', 1000, 2, 'z'],
    ['categorical', 1000, 3, 'chisquare'],
    ['categorical', 50, 40, 'chisquare'],
    ['numeric', 1001, 2, 'jensenshannon'],
    ['numeric', 1001, 5, 'jensenshannon'],
    ['numeric', 1001, 6, 'wasserstein'],
    ['categorical', 1001, 2, 'jensenshannon'],
    ['categorical', 100_000, 500, 'jensenshannon'],
  ] as const)('%s, %i reference rows, %i unique → %s', (type, rows, unique, method) => {
    expect(defaultDriftMethod(type, rows, unique)).toBe(method);
  });
});
