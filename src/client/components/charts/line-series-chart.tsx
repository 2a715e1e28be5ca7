import { useMemo } from 'react';
import { CartesianGrid, LineChart, XAxis, YAxis } from 'recharts';
import { ChartContainer } from './chart-container';
import { axisProps, gridProps, type SeriesConfig } from './chart-theme';
import { SeriesHover } from './series-hover';
import { type PathSeries, SeriesPaths } from './series-paths';

export type LineSeries = SeriesConfig & PathSeries;

/**
 * The two corners of the data, as the chart's only rows: Recharts derives the axes' domains and
 * nice ticks from them ('auto', log scale included), while the lines themselves are drawn by
 * <SeriesPaths> from the series' arrays.
 */
function domainRows(series: readonly LineSeries[]) {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.xs.length; i++) {
      const y = s.ys[i];
      if (y === null || y === undefined) continue;
      const x = s.xs[i]!;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  }
  return xMin > xMax ? [] : [{ x: xMin, y: yMin }, { x: xMax, y: yMax }];
}

/**
 * Lines on a numeric x axis where each series has its own x values (runs log at different steps
 * and times). A null y is a gap: the line breaks there instead of joining across it.
 */
export function LineSeriesChart({
  label,
  series,
  formatX,
  logScale = false,
  height,
  legend = true,
}: {
  label: string;
  series: LineSeries[];
  formatX: (x: number) => string;
  logScale?: boolean;
  height?: number;
  legend?: boolean;
}) {
  const rows = useMemo(() => domainRows(series), [series]);
  return (
    <ChartContainer label={label} height={height} series={series} legend={legend}>
      <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tickFormatter={formatX} {...axisProps} />
        <YAxis dataKey="y" width={56} scale={logScale ? 'log' : 'auto'} domain={['auto', 'auto']} {...axisProps} />
        <SeriesPaths series={series} />
        <SeriesHover series={series} formatX={formatX} />
      </LineChart>
    </ChartContainer>
  );
}
