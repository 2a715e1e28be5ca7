import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Papa from 'papaparse';

/**
 * Seattle weather (vega-datasets): one row per day, 2012–2015. Training uses 2012–2014 (2014 as
 * validation); 2015 is held out and replayed as live traffic, so it drifts from the training data
 * the way real weather does.
 */
export const weatherClasses = ['drizzle', 'fog', 'rain', 'snow', 'sun'] as const;
export type WeatherClass = (typeof weatherClasses)[number];
export const weatherFeatures = ['precipitation', 'temp_max', 'temp_min', 'wind'] as const;
export type WeatherFeature = (typeof weatherFeatures)[number];

export interface WeatherDay {
  date: string;
  precipitation: number;
  temp_max: number;
  temp_min: number;
  wind: number;
  weather: WeatherClass;
}

export function weatherCsvPath(): string {
  const entry = createRequire(import.meta.url).resolve('vega-datasets');
  return path.join(path.dirname(entry), '..', 'data', 'seattle-weather.csv');
}

/** Parses the CSV; rows with a missing or non-numeric value or an unknown class are dropped. */
export function parseWeather(csv: string): WeatherDay[] {
  const { data } = Papa.parse<Record<string, string>>(csv.trim(), { header: true, skipEmptyLines: true });
  const days: WeatherDay[] = [];
  for (const row of data) {
    const cells = weatherFeatures.map((f) => row[f] ?? '');
    const values = cells.map(Number);
    const weather = row.weather as WeatherClass;
    if (!row.date || cells.some((c) => c.trim() === '') || values.some((v) => !Number.isFinite(v)) || !weatherClasses.includes(weather)) continue;
    const [precipitation, temp_max, temp_min, wind] = values as [number, number, number, number];
    days.push({ date: row.date, precipitation, temp_max, temp_min, wind, weather });
  }
  return days;
}

export function loadWeather(): WeatherDay[] {
  return parseWeather(readFileSync(weatherCsvPath(), 'utf8'));
}

export interface WeatherSplit {
  /** 2012–2013: what models are fitted on. */
  fit: WeatherDay[];
  /** 2014: what sweeps are scored on. */
  validation: WeatherDay[];
  /** 2012–2014: the training dataset (reference profile). */
  training: WeatherDay[];
  /** 2015: replayed as live traffic. */
  heldOut: WeatherDay[];
}

export function splitWeather(days: WeatherDay[]): WeatherSplit {
  const year = (d: WeatherDay) => Number(d.date.slice(0, 4));
  return {
    fit: days.filter((d) => year(d) <= 2013),
    validation: days.filter((d) => year(d) === 2014),
    training: days.filter((d) => year(d) <= 2014),
    heldOut: days.filter((d) => year(d) >= 2015),
  };
}

export function featureVector(day: Pick<WeatherDay, WeatherFeature>, features: readonly WeatherFeature[]): number[] {
  return features.map((f) => day[f]);
}

/** A short content digest, as MLflow computes for datasets (≤ 36 characters). */
export function datasetDigest(days: WeatherDay[]): string {
  const hash = createHash('sha256');
  for (const d of days) hash.update(`${d.date},${d.precipitation},${d.temp_max},${d.temp_min},${d.wind},${d.weather}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** MLflow's dataset profile: row count and per-feature summary. */
export function datasetProfile(days: WeatherDay[]): Record<string, unknown> {
  const summary = Object.fromEntries(
    weatherFeatures.map((f) => {
      const values = days.map((d) => d[f]);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return [f, { min: Math.min(...values), max: Math.max(...values), mean: Number(mean.toFixed(3)) }];
    }),
  );
  const classes = Object.fromEntries(weatherClasses.map((c) => [c, days.filter((d) => d.weather === c).length]));
  return { num_rows: days.length, num_elements: days.length * 6, features: summary, classes };
}

/** MLflow colspec schema of the dataset. */
export function datasetSchema(): string {
  return JSON.stringify({
    mlflow_colspec: [
      { type: 'string', name: 'date' },
      ...weatherFeatures.map((name) => ({ type: 'double', name })),
      { type: 'string', name: 'weather' },
    ],
  });
}
