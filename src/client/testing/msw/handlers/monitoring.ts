import type { ResponseOf } from '../../../../shared/contract/common';
import {
  getCanaryComparison,
  getDrift,
  getFeatureDrift,
  getLatency,
  getMonitoringDeployment,
  getReference,
  listMonitoredDeployments,
} from '../../../../shared/contract/monitoring';
import { listAlertRules, listAlerts, type Alert } from '../../../../shared/contract/monitoring-alerts';
import { getMonitoringAsOf, type MonitoringAsOfDeployment } from '../../../../shared/contract/monitoring-as-of';
import { contractHandler } from '../contract-handler';

type Deployments = ResponseOf<typeof listMonitoredDeployments>['items'];

/** The monitoring data the handlers serve; tests replace parts with `mockMonitoring`. */
export interface MonitoringFixtures {
  deployments: Deployments;
  alerts: Alert[];
  drift: ResponseOf<typeof getDrift>;
  canary: ResponseOf<typeof getCanaryComparison>;
  asOf: MonitoringAsOfDeployment[];
}

export function buildAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: '1', ruleId: '2', ruleName: 'p99 latency > 300 ms for 5 minutes', deploymentId: '1', modelName: 'churn', environment: 'production', version: '2', subject: null,
    status: 'open', metric: 'latency_p99', value: 450, threshold: 300, message: 'latency p99 450 ms > 300 ms for 5 × 1 min (version 2)', action: 'rollback',
    openedAt: '2026-11-20T10:00:00.000Z', resolvedAt: null, ...overrides,
  };
}

const hours = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse('2026-11-20T00:00:00.000Z') + i * 3_600_000).toISOString());

export function defaultMonitoring(): MonitoringFixtures {
  return {
    deployments: [{ id: '1', modelName: 'churn', environment: 'production', stableVersion: '1', canaryVersion: '2', canaryWeight: 10, health: { events: 1200, errorRate: 0.01, p99: 120, driftShare: 0.33, openAlerts: 1, lastEventAt: '2026-11-20T10:00:00.000Z' } }],
    alerts: [buildAlert()],
    canary: { stable: null, canary: null, recommendation: null },
    asOf: [],
    drift: {
      version: '1', resolution: '1h', driftShareThreshold: 0.5,
      features: [{ name: 'age', type: 'numeric' }, { name: 'income', type: 'numeric' }],
      windows: hours(4).map((start, i) => ({
        start, count: 100, driftShare: i >= 2 ? 0.5 : 0, datasetDrift: i >= 2,
        features: [
          { feature: 'age', type: 'numeric', method: 'wasserstein', score: 0.03, threshold: 0.1, drifted: false },
          { feature: 'income', type: 'numeric', method: 'wasserstein', score: i >= 2 ? 0.4 : 0.02, threshold: 0.1, drifted: i >= 2 },
        ],
      })),
    },
  };
}

let fixtures = defaultMonitoring();
export function mockMonitoring(next: Partial<MonitoringFixtures>) {
  fixtures = { ...defaultMonitoring(), ...next };
}

export const monitoringHandlers = [
  contractHandler(listMonitoredDeployments, () => ({ items: fixtures.deployments })),
  contractHandler(listAlerts, () => ({ items: fixtures.alerts })),
  contractHandler(listAlertRules, () => ({ items: [] })),
  contractHandler(getMonitoringDeployment, ({ params }) => ({
    id: String(params.deploymentId), modelName: 'churn', environment: 'production', stableVersion: '1', canaryVersion: '2', canaryWeight: 10,
    versions: [{ version: '1', role: 'stable' as const, hasReference: true }, { version: '2', role: 'canary' as const, hasReference: true }],
    markers: [],
  })),
  contractHandler(getDrift, () => fixtures.drift),
  contractHandler(getFeatureDrift, ({ params }) => ({
    feature: String(params.feature), type: 'numeric' as const, method: 'wasserstein' as const, methodLabel: 'Wasserstein distance (normed)', score: 0.4, threshold: 0.1, drifted: true,
    scoreKind: 'distance' as const, rule: 'Wasserstein (normed) 0.4 ≥ 0.1', referenceCount: 3000, currentCount: 400,
    bins: [{ label: '≤ 10', reference: 0.5, current: 0.2 }, { label: '> 10', reference: 0.5, current: 0.8 }],
  })),
  contractHandler(getLatency, () => ({ version: null, resolution: '1h' as const, windows: hours(4).map((start) => ({ start, count: 100, errors: 1, p50: 50, p90: 80, p95: 90, p99: 120 })) })),
  contractHandler(getCanaryComparison, () => fixtures.canary),
  contractHandler(getMonitoringAsOf, ({ url }) => ({ at: url.searchParams.get('at') ?? '', deployments: fixtures.asOf })),
  contractHandler(getReference, () => ({ profile: null, baseline: null })),
];

