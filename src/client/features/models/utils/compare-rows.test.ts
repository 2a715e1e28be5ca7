import { describe, expect, it } from 'vitest';
import type { VersionDetail } from '../../../../shared/contract/models';
import { compareSections } from './compare-rows';

const version = (overrides: Partial<VersionDetail>): VersionDetail => ({
  name: 'churn', version: 1, registeredBy: 'ada', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', status: 'READY', stage: 'None',
  description: null, runId: 'r1', runName: 'train', experimentId: '1', modelId: null, aliases: [], tags: [], metrics: [], datasets: [], source: 's', storageLocation: 's',
  statusMessage: null, signature: null, flavors: [], inputExample: null, sizeBytes: null, mlflowVersion: null, params: [], serving: [], modelAliases: [], ...overrides,
});

describe('compareSections', () => {
  it('aligns keys from both sides and marks differences', () => {
    const a = version({ metrics: [{ key: 'auc', value: 0.8 }, { key: 'f1', value: 0.5 }], params: [{ key: 'depth', value: '4' }], datasets: [{ name: 'customers', digest: 'd1', context: 'training' }] });
    const b = version({ metrics: [{ key: 'auc', value: 0.86 }, { key: 'f1', value: 0.5 }, { key: 'loss', value: null }], params: [{ key: 'depth', value: '4' }], datasets: [{ name: 'customers', digest: 'd2', context: 'training' }] });
    const [metrics, params, , , datasets] = compareSections(a, b);
    expect(metrics?.rows).toEqual([
      { key: 'auc', a: '0.8', b: '0.86', differs: true },
      { key: 'f1', a: '0.5', b: '0.5', differs: false },
      { key: 'loss', a: '—', b: 'NaN', differs: true },
    ]);
    expect(params?.rows).toEqual([{ key: 'depth', a: '4', b: '4', differs: false }]);
    expect(datasets?.rows).toEqual([{ key: 'customers (training)', a: 'd1', b: 'd2', differs: true }]);
  });

  it('compares signatures column by column', () => {
    const a = version({ signature: { inputs: [{ name: 'tenure', type: 'double', optional: false, shape: null }], outputs: [], params: [] } });
    const b = version({ signature: { inputs: [{ name: 'tenure', type: 'long', optional: true, shape: null }, { name: 'plan', type: 'string', optional: false, shape: null }], outputs: [], params: [] } });
    expect(compareSections(a, b)[2]?.rows).toEqual([
      { key: 'plan', a: '—', b: 'string', differs: true },
      { key: 'tenure', a: 'double', b: 'long (optional)', differs: true },
    ]);
  });
});
