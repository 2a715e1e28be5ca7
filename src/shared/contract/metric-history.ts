import { z } from 'zod';
import { defineRoute } from './common';
import { runIdSchema } from './runs';

export const xAxes = ['step', 'time', 'relative'] as const;
export const xAxisSchema = z.enum(xAxes);
export type XAxis = z.infer<typeof xAxisSchema>;

/**
 * One downsampled series as two parallel arrays in x order (flat number arrays: 20 runs × 4
 * metrics × 1,000 points as pairs cost the browser's contract check a fifth of a second); y is
 * null where the run logged NaN or an infinity (a gap). x is the step, epoch ms, or ms since the
 * run started.
 */
export const metricSeriesSchema = z.object({
  runId: z.string(),
  key: z.string(),
  /** Points logged, before downsampling. */
  rawCount: z.number().int(),
  /** Points among them that are NaN or infinite. */
  nonFiniteCount: z.number().int(),
  downsampled: z.boolean(),
  xs: z.array(z.number()),
  /** To 7 significant digits (for drawing: the chart shows no more). */
  ys: z.array(z.number().nullable()),
});
export type MetricSeries = z.infer<typeof metricSeriesSchema>;

/** Metrics one histories request covers (the charts a page shows). */
export const maxHistoryMetrics = 20;

export const getMetricHistories = defineRoute({
  method: 'POST',
  path: '/api/v1/runs/metric-histories',
  summary: 'Metric histories of up to 100 runs, min/max per bucket so spikes survive downsampling',
  body: z.object({
    runIds: z.array(runIdSchema).min(1).max(100),
    /** Omitted: the first `maxHistoryMetrics` metrics the runs logged, in name order (so a page can ask before it knows them). */
    metrics: z.array(z.string().min(1).max(250)).min(1).max(maxHistoryMetrics).optional(),
    xAxis: xAxisSchema.default('step'),
    /** Upper bound of points per series (two per bucket). */
    maxPoints: z.number().int().min(10).max(5000).default(1000),
  }),
  response: z.object({ series: z.array(metricSeriesSchema) }),
});
