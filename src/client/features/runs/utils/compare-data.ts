import type { RunDetail } from '../../../../shared/contract/runs';
import { finiteOf } from './chart-data';

export type CompareKind = 'params' | 'metrics' | 'tags';

export interface CompareRow {
  key: string;
  /** One value per run, in run order (undefined = not logged). */
  values: Array<string | undefined>;
  differs: boolean;
  /** Metric deltas against the baseline run (null where either value is not a number). */
  deltas: Array<number | null>;
}

function valuesOf(run: RunDetail, kind: CompareKind): Map<string, string> {
  if (kind === 'metrics') return new Map(run.metrics.map((m) => [m.key, String(m.value)]));
  return new Map((kind === 'params' ? run.params : run.tags).map((kv) => [kv.key, kv.value]));
}

/** Rows of the params/metrics/tags comparison, optionally only keys whose values differ. */
export function compareRows(runs: readonly RunDetail[], kind: CompareKind, options: { differencesOnly: boolean; baseline: number }): CompareRow[] {
  const maps = runs.map((run) => valuesOf(run, kind));
  const keys = [...new Set(maps.flatMap((map) => [...map.keys()]))].sort();
  const rows = keys.map((key) => {
    const values = maps.map((map) => map.get(key));
    const base = kind === 'metrics' ? Number(values[options.baseline]) : Number.NaN;
    return {
      key,
      values,
      differs: new Set(values).size > 1,
      deltas: values.map((v) => {
        const n = Number(v);
        return kind === 'metrics' && v !== undefined && Number.isFinite(n) && Number.isFinite(base) ? n - base : null;
      }),
    };
  });
  return options.differencesOnly ? rows.filter((row) => row.differs) : rows;
}

/** `metrics.rmse` / `params.lr`: a column of the compare page's plots. */
export interface PlotColumn {
  kind: 'metrics' | 'params';
  key: string;
}

export const columnLabel = (column: PlotColumn) => `${column.kind}.${column.key}`;

function rawValue(run: RunDetail, column: PlotColumn): string | number | null {
  if (column.kind === 'metrics') return finiteOf(run.metrics.find((m) => m.key === column.key)?.value);
  return run.params.find((p) => p.key === column.key)?.value ?? null;
}

export interface ParallelAxis {
  column: PlotColumn;
  /** Numeric axes have a domain; categorical ones list their values bottom to top. */
  domain?: [number, number];
  categories?: string[];
}

/**
 * Axes and per-run positions (0 = bottom, 1 = top, null = missing) for parallel coordinates. An
 * axis is numeric when every present value parses as a finite number.
 */
export function parallelCoordinates(runs: readonly RunDetail[], columns: readonly PlotColumn[]): { axes: ParallelAxis[]; lines: Array<Array<number | null>> } {
  const axes: ParallelAxis[] = columns.map((column) => {
    const present = runs.map((run) => rawValue(run, column)).filter((v): v is string | number => v !== null);
    const numbers = present.map(Number);
    if (present.length > 0 && numbers.every(Number.isFinite)) return { column, domain: [Math.min(...numbers), Math.max(...numbers)] };
    return { column, categories: [...new Set(present.map(String))].sort() };
  });
  const lines = runs.map((run) =>
    axes.map((axis) => {
      const value = rawValue(run, axis.column);
      if (value === null) return null;
      if (axis.domain) {
        const [lo, hi] = axis.domain;
        return hi === lo ? 0.5 : (Number(value) - lo) / (hi - lo);
      }
      const categories = axis.categories!;
      return categories.length === 1 ? 0.5 : categories.indexOf(String(value)) / (categories.length - 1);
    }),
  );
  return { axes, lines };
}

/** Runs with a number on both columns, for the scatter plot; the rest are counted as missing. */
export function scatterPoints(runs: readonly RunDetail[], x: PlotColumn, y: PlotColumn) {
  const points: Array<{ runId: string; name: string; x: number; y: number; index: number }> = [];
  runs.forEach((run, index) => {
    const vx = Number(rawValue(run, x) ?? Number.NaN);
    const vy = Number(rawValue(run, y) ?? Number.NaN);
    if (Number.isFinite(vx) && Number.isFinite(vy)) points.push({ runId: run.run.runId, name: run.run.runName, x: vx, y: vy, index });
  });
  return { points, missing: runs.length - points.length };
}
