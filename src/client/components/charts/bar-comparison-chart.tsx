import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartContainer } from './chart-container';
import { axisProps, chartColor, gridProps, type SeriesConfig } from './chart-theme';
import { ChartTooltipContent } from './chart-tooltip';

/** Grouped bars over categories (e.g. reference and current shares on the same bins). */
export function BarComparisonChart({ label, data, series, height }: { label: string; data: Array<Record<string, string | number>>; series: SeriesConfig[]; height?: number }) {
  return (
    <ChartContainer label={label} height={height} series={series}>
      <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barGap={1}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="label" {...axisProps} interval={0} angle={-20} textAnchor="end" height={48} />
        <YAxis width={48} {...axisProps} tickFormatter={(v: number) => series[0]?.format?.(v) ?? String(v)} />
        <Tooltip content={<ChartTooltipContent series={series} />} cursor={{ fill: 'var(--muted)' }} />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color ?? chartColor(i)} fillOpacity={0.8} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartContainer>
  );
}
