import { useState } from 'react';
import type { RunDetail } from '../../../../shared/contract/runs';
import { ParallelCoordinates } from '../../../components/charts/parallel-coordinates';
import { ScatterPlot } from '../../../components/charts/scatter-plot';
import { Select } from '../../../components/ui/field';
import { formatMetric } from '../utils/chart-data';
import { type PlotColumn, columnLabel, parallelCoordinates, scatterPoints } from '../utils/compare-data';

const parse = (id: string): PlotColumn => ({ kind: id.startsWith('params.') ? 'params' : 'metrics', key: id.slice(id.indexOf('.') + 1) });

/** Parallel coordinates of chosen params and metrics, and a scatter of any two columns. */
export function ComparePlots({ runs, colors, columns }: { runs: RunDetail[]; colors: string[]; columns: PlotColumn[] }) {
  const ids = columns.map(columnLabel);
  const [chosen, setChosen] = useState<string[]>(ids.slice(0, 6));
  const [x, setX] = useState(ids.find((id) => id.startsWith('params.')) ?? ids[0] ?? '');
  const [y, setY] = useState(ids.find((id) => id.startsWith('metrics.')) ?? ids[1] ?? '');
  const { axes, lines } = parallelCoordinates(runs, chosen.map(parse));
  const scatter = x && y ? scatterPoints(runs, parse(x), parse(y)) : { points: [], missing: runs.length };
  const tick = (value: number) => formatMetric(value);
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <section aria-label="Parallel coordinates" className="rounded-lg border border-border bg-surface p-3">
        <div className="mb-2 flex items-center justify-between">
          <h3 className="text-sm font-medium">Parallel coordinates</h3>
          <details className="relative text-sm">
            <summary className="cursor-pointer text-primary">Axes ({chosen.length})</summary>
            <div className="absolute right-0 z-20 max-h-64 w-64 overflow-auto rounded-md border border-border bg-surface p-2 shadow-lg">
              {ids.map((id) => (
                <label key={id} className="flex items-center gap-2 py-0.5">
                  <input type="checkbox" checked={chosen.includes(id)} onChange={() => setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id])} />
                  <span className="truncate">{id}</span>
                </label>
              ))}
            </div>
          </details>
        </div>
        {axes.length < 2 ? (
          <p className="text-sm text-muted-foreground">Choose at least two params or metrics.</p>
        ) : (
          <ParallelCoordinates
            label="Parallel coordinates of the chosen params and metrics"
            axes={axes.map((axis) => ({ label: columnLabel(axis.column), ticks: axis.domain ? [tick(axis.domain[0]), tick(axis.domain[1])] : axis.categories! }))}
            lines={runs.map((run, i) => ({ key: run.run.runId, label: run.run.runName, color: colors[i]!, values: lines[i]! }))}
          />
        )}
      </section>
      <section aria-label="Scatter" className="rounded-lg border border-border bg-surface p-3">
        <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <h3 className="mr-auto font-medium">Scatter</h3>
          <Select aria-label="Scatter x" className="h-8 w-44" value={x} onChange={(e) => setX(e.target.value)}>
            {ids.map((id) => <option key={id} value={id}>{id}</option>)}
          </Select>
          <Select aria-label="Scatter y" className="h-8 w-44" value={y} onChange={(e) => setY(e.target.value)}>
            {ids.map((id) => <option key={id} value={id}>{id}</option>)}
          </Select>
        </div>
        <ScatterPlot label={`${y} against ${x}`} xLabel={x} yLabel={y} data={scatter.points.map((p) => ({ x: p.x, y: p.y, name: p.name, color: colors[p.index]! }))} />
        {scatter.missing > 0 && <p className="text-xs text-muted-foreground">{`${scatter.missing} run(s) lack a number for one of the two columns.`}</p>}
      </section>
    </div>
  );
}
