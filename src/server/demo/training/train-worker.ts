import { parentPort, workerData } from 'node:worker_threads';
import { loadWeather, splitWeather } from '../data/weather-data';
import { smallPlan, sweepPlan } from './sweeps';

// Trains the sweep off the main thread and posts each run as it finishes (null at the end).
const split = splitWeather(loadWeather());
const plan = (workerData as { small: boolean }).small ? smallPlan(split) : sweepPlan(split);
for (const train of plan) parentPort?.postMessage(train());
parentPort?.postMessage(null);
