import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartContainer } from './chart-container';
import { axisProps, chartColor, gridProps, type SeriesConfig } from './chart-theme';
import { ChartTooltipContent } from './chart-tooltip';

export interface LineSeries extends SeriesConfig {
  points: Array<{ x: number; y: number | null }>;
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
            data={s.points.map((p) => ({ x: p.x, [s.key]: p.y }))}
            dataKey={s.key}
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
