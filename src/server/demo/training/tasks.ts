import { type WeatherDay, type WeatherFeature, featureVector, weatherClasses, weatherFeatures } from '../data/weather-data';

/** The two prediction tasks the demo trains models for. */
export interface Task {
  /** Registered model name. */
  name: string;
  description: string;
  features: readonly WeatherFeature[];
  classes: readonly string[];
  label(day: WeatherDay): number;
}

export const weatherType: Task = {
  name: 'weather-type',
  description: 'Classifies a day in Seattle as sun, rain, drizzle, fog or snow from its precipitation, temperatures and wind.',
  features: weatherFeatures,
  classes: weatherClasses,
  label: (day) => weatherClasses.indexOf(day.weather),
};

export const wetDay: Task = {
  name: 'wet-day',
  description: 'Predicts whether a day has any precipitation from temperatures and wind alone (for stations without a rain gauge).',
  features: ['temp_max', 'temp_min', 'wind'],
  classes: ['dry', 'wet'],
  label: (day) => (day.precipitation > 0 ? 1 : 0),
};

export const tasks = [weatherType, wetDay];

export function taskMatrix(task: Task, days: WeatherDay[]) {
  return { rows: days.map((d) => featureVector(d, task.features)), labels: days.map((d) => task.label(d)) };
}

export function taskNamed(name: string): Task {
  const task = tasks.find((t) => t.name === name);
  if (!task) throw new Error(`Unknown task ${name}`);
  return task;
}
