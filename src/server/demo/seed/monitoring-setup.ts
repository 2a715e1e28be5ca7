import type { AlertRuleInput } from '../../../shared/contract/monitoring-alerts';
import type { WeatherDay } from '../data/weather-data';
import type { ApiClient } from '../http/api-client';
import { loadModel } from '../training/classifier';
import { taskMatrix, taskNamed } from '../training/tasks';
import type { RegisteredVersion } from './register-models';

/** The training data of a version with its predictions and true labels, as the CSV a team would upload. */
export function referenceCsv(registered: RegisteredVersion, training: WeatherDay[]): string {
  const { model } = registered.logged.run;
  const task = taskNamed(registered.logged.run.task);
  const classifier = loadModel(model!);
  const { rows, labels } = taskMatrix(task, training);
  const predicted = classifier.predict(rows);
  const lines = [['date', ...task.features, 'prediction', 'label'].join(',')];
  training.forEach((day, i) => {
    lines.push([day.date, ...(rows[i] ?? []), task.classes[predicted[i] ?? 0], task.classes[labels[i] ?? 0]].join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** Reference profiles (by the data scientist) for every registered version. */
export async function uploadReferences(http: ApiClient, versions: RegisteredVersion[], training: WeatherDay[]) {
  for (const registered of versions) {
    await http.request('POST', `/api/v1/models/${encodeURIComponent(registered.model)}/versions/${registered.version}/reference`, {
      body: referenceCsv(registered, training),
      contentType: 'text/csv',
      query: { fileName: 'seattle-weather-2012-2014.csv', predictionColumn: 'prediction', labelColumn: 'label', ignoreColumns: 'date' },
    });
  }
}

/**
 * Weather drifts with the seasons: a month of live data is never distributed like three years of
 * training data. The admin sets seasonal tolerances (normed Wasserstein) so that only what is
 * unusual for the time of year flags: precipitation and wind stay in range, temperatures flag
 * when the record-warm 2015 summer arrives.
 */
const seasonalThresholds: Record<string, number> = { precipitation: 0.6, wind: 0.6, temp_max: 0.9, temp_min: 0.9 };

export async function configureSeasonalDrift(admin: ApiClient) {
  const { items } = await admin.json<{ items: Array<{ id: string; modelName: string }> }>('GET', '/api/v1/deployments');
  for (const deployment of items) {
    const features = taskNamed(deployment.modelName).features.map((feature) => ({ feature, method: 'wasserstein' as const, threshold: seasonalThresholds[feature] ?? 0.1 }));
    await admin.json('PUT', `/api/v1/deployments/${deployment.id}/drift-settings`, { driftShare: 0.5, features });
  }
}

const rules: AlertRuleInput[] = [
  { name: 'Canary p99 latency above 250 ms', metric: 'latency_p99', operator: '>', threshold: 250, windowMinutes: 1, consecutive: 2, deploymentId: null, versionRole: 'canary', action: 'rollback', enabled: true },
  { name: 'A feature drifts past its seasonal tolerance', metric: 'drifted_features', operator: '>', threshold: 0, windowMinutes: 5, consecutive: 1, deploymentId: null, versionRole: 'stable', action: 'retrain', enabled: true },
  { name: 'Error rate above 5 %', metric: 'error_rate', operator: '>', threshold: 0.05, windowMinutes: 5, consecutive: 3, deploymentId: null, versionRole: 'any', action: 'investigate', enabled: true },
];

export async function createAlertRules(admin: ApiClient) {
  for (const rule of rules) await admin.json('POST', '/api/v1/monitoring/alert-rules', rule);
}
