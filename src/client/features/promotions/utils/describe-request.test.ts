import { describe, expect, it } from 'vitest';
import { describeRequest, parseCanarySteps } from './describe-request';

describe('describeRequest', () => {
  it('reads like a sentence for each kind', () => {
    const base = { version: 2, environment: 'production', strategy: null, canarySteps: null, targetWeight: null };
    expect(describeRequest({ ...base, kind: 'promote', strategy: 'canary', canarySteps: [10, 50, 100] })).toBe('promote v2 to production (canary 10 → 50 → 100 %)');
    expect(describeRequest({ ...base, kind: 'promote', strategy: 'blue-green' })).toBe('promote v2 to production (blue-green)');
    expect(describeRequest({ ...base, kind: 'canary-step', targetWeight: 50 })).toBe('step the v2 canary in production to 50 %');
    expect(describeRequest({ ...base, kind: 'rollback', version: 1 })).toBe('roll production back to v1');
  });
});

describe('parseCanarySteps', () => {
  it('accepts increasing steps ending at 100 and explains the rest', () => {
    expect(parseCanarySteps('10, 25, 50, 100')).toEqual({ steps: [10, 25, 50, 100] });
    expect(parseCanarySteps('10 → 100')).toEqual({ steps: [10, 100] });
    expect(parseCanarySteps('50, 25, 100')).toEqual({ error: 'Each step must be larger than the one before' });
    expect(parseCanarySteps('10, 50')).toEqual({ error: 'End with 100 (the canary becomes stable)' });
    expect(parseCanarySteps('100')).toMatchObject({ error: expect.stringMatching(/whole percentages/) });
  });
});
