import type { WeatherDay } from '../data/weather-data';
import { normal, type Random } from './random';

/**
 * Replays held-out days in compressed time: day i of the held-out year is "today" during
 * [start + i·secondsPerDay, start + (i+1)·secondsPerDay), wrapping around at the end. Requests of
 * a simulated day are about that day and the weeks before it (a month of weather), with
 * measurement noise so values are not repeated verbatim. Starting in spring, temperatures drift
 * from the all-season training data as the (record-warm) 2015 summer comes.
 */
export interface ReplayOptions {
  startedAt: number;
  secondsPerDay: number;
  /** Index of the first day replayed. */
  firstDay: number;
  windowDays: number;
}

export function dayIndexAt(days: number, options: ReplayOptions, now: number): number {
  const elapsed = Math.max(0, now - options.startedAt) / 1000;
  return (options.firstDay + Math.floor(elapsed / options.secondsPerDay)) % days;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function sampleDay(days: WeatherDay[], options: ReplayOptions, now: number, random: Random): WeatherDay {
  const today = dayIndexAt(days.length, options, now);
  const back = Math.floor(random() * options.windowDays);
  const day = days[(today - back + days.length) % days.length] as WeatherDay;
  return {
    ...day,
    precipitation: day.precipitation > 0 ? round1(Math.max(0.1, day.precipitation * Math.exp(0.2 * normal(random)))) : 0,
    temp_max: round1(day.temp_max + 0.6 * normal(random)),
    temp_min: round1(day.temp_min + 0.6 * normal(random)),
    wind: round1(Math.max(0, day.wind + 0.4 * normal(random))),
  };
}
