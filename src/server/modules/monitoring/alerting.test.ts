import { describe, expect, it } from 'vitest';
import type { VersionHealth } from '../../../shared/contract/monitoring';
import { alertTransitions, evaluateSubject } from './alert-evaluation';
import { recommendCanary } from './canary-recommendation';

const rule = { operator: '>' as const, threshold: 300, consecutive: 3 };

describe('alert rule evaluation', () => {
  it('fires after N breaching windows in a row; a gap or a calm window does not', () => {
    expect(evaluateSubject(rule, [310, 320, 330])).toEqual({ firing: true, value: 330 });
    expect(evaluateSubject(rule, [310, null, 330]).firing).toBe(false);
    expect(evaluateSubject(rule, [310, 320]).firing).toBe(false);
    expect(evaluateSubject({ ...rule, operator: '>=' }, [300, 300, 300]).firing).toBe(true);
    expect(evaluateSubject(rule, [300, 300, 300]).firing).toBe(false);
  });

  it('opens new breaches, resolves calm and vanished subjects, keeps open ones', () => {
    const series = new Map([
      ['income', [0.3, 0.4, 0.5]],
      ['age', [0.3, 0.4, 0.1]],
      ['plan', [0.5, 0.5, 0.5]],
    ]);
    const result = alertTransitions({ ...rule, threshold: 0.2 }, series, new Set(['age', 'plan', 'gone']));
    expect(result).toEqual({ toOpen: [{ subject: 'income', value: 0.5 }], toResolve: ['age', 'gone'] });
  });
});

const health = (overrides: Partial<VersionHealth>): VersionHealth => ({ version: '1', count: 1000, errorRate: 0.001, p50: 40, p95: 80, p99: 100, driftShare: 0, driftedFeatures: [], ...overrides });

describe('canary recommendation', () => {
  it('promotes a healthy canary, waits on too little data or new drift, rolls back on failures', () => {
    expect(recommendCanary(health({}), health({ version: '2', p99: 105 }))).toMatchObject({ analysis: 'Successful', decision: 'promote' });
    expect(recommendCanary(health({}), health({ version: '2', count: 20 }))).toMatchObject({ analysis: 'Inconclusive', decision: 'wait' });
    expect(recommendCanary(health({}), health({ version: '2', driftedFeatures: ['income'], driftShare: 0.2 }))).toMatchObject({ decision: 'wait' });
    expect(recommendCanary(health({}), health({ version: '2', p99: 450 }))).toMatchObject({ analysis: 'Failed', decision: 'rollback' });
    expect(recommendCanary(health({}), health({ version: '2', errorRate: 0.05 }))).toMatchObject({ decision: 'rollback' });
    expect(recommendCanary(health({}), null)).toMatchObject({ decision: 'wait' });
  });
});
