import type { WeatherDay, WeatherFeature } from '../data/weather-data';
import { tasks } from '../training/tasks';
import { sampleLatency } from './latency';
import type { Random } from './random';
import type { ServingWatch } from './serving-watch';
import { routeRequest } from './traffic-split';

export interface PredictionEvent {
  id: string;
  timestamp: string;
  modelVersion: number;
  latencyMs: number;
  features: Record<string, number>;
  prediction: string | null;
  error?: string;
}

export interface PendingLabel {
  dueAt: number;
  id: string;
  label: string;
}

/**
 * One request as the serving system saw it: routed by the canary weight, answered by the served
 * version's model on the day's measurements (or failed), and the label the day will reveal later.
 */
export function servedRequest(watch: ServingWatch, day: WeatherDay, random: Random, now: number, id: string): { event: PredictionEvent; label: string | null } | null {
  if (!watch.serving) return null;
  const version = routeRequest(watch.serving, random());
  const model = version === null ? undefined : watch.model(version);
  if (!model || version === null) return null;
  const features = Object.fromEntries(model.features.map((f) => [f, day[f as WeatherFeature]]));
  const failed = random() < model.behaviour.errorRate;
  const latencyMs = sampleLatency(model.behaviour, random) * (failed ? 3 : 1);
  const predicted = failed ? null : (model.classes[model.classifier.predict([model.features.map((f) => day[f as WeatherFeature])])[0] ?? 0] ?? null);
  const event: PredictionEvent = { id, timestamp: new Date(now).toISOString(), modelVersion: version, latencyMs, features, prediction: predicted, ...(failed && { error: 'upstream timeout' }) };
  const task = tasks.find((t) => t.name === watch.modelName);
  return { event, label: failed || !task ? null : (task.classes[task.label(day)] ?? null) };
}
