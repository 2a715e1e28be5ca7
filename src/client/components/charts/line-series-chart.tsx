import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartContainer } from './chart-container';
import { axisProps, chartColor, gridProps, type SeriesConfig } from './chart-theme';
import { ChartTooltipContent } from './chart-tooltip';

export interface LineSeries extends SeriesConfig {
  points: Array<{ x: number; y: number | null }>;
}

/** A row of one line's data; `series` tells the tooltip whose value it is. */
interface LineRow {
  x: number;
  y: number | null;
  series: string;
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
  // One data array per line, rebuilt only with the series (Recharts re-registers a line whose data
  // changes). Every line reads the same key `y`: Recharts reads each distinct data key of a value
  // axis from every line's rows, so one key per series made the work grow with lines × points.
  // Frozen, so the Immer in Recharts' store adopts the rows instead of walking and freezing each.
  const lineData = useMemo(() => series.map((s) => Object.freeze(s.points.map((p): LineRow => Object.freeze({ x: p.x, y: p.y, series: s.key })))), [series]);
  return (
    <ChartContainer label={label} height={height} series={series} legend={legend}>
      <LineChart margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tickFormatter={formatX} allowDuplicatedCategory={false} {...axisProps} />
        <YAxis width={56} scale={logScale ? 'log' : 'auto'} domain={['auto', 'auto']} {...axisProps} />
        <Tooltip content={<ChartTooltipContent series={series} formatLabel={(x) => formatX(Number(x))} />} />
        {series.map((s, i) => (
          <Line
            key={s.key}
            data={lineData[i]}
            dataKey="y"
            name={s.label}
            stroke={s.color ?? chartColor(i)}
            dot={false}
            strokeWidth={1.5}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ChartContainer>
  );
}
