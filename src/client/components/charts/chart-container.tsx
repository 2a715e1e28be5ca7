import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import { ChartLegend } from './chart-legend';
import type { SeriesConfig } from './chart-theme';

/**
 * The frame of every chart: an accessible figure with a fixed height (no layout shift while data
 * loads), a responsive Recharts surface and the shared legend.
 */
export function ChartContainer({
  label,
  height = 220,
  series,
  children,
  legend = true,
}: {
  label: string;
  height?: number;
  series?: SeriesConfig[];
  children: ReactElement;
  /** False when the page shows one shared legend for several charts. */
  legend?: boolean;
}) {
  return (
    <figure aria-label={label} className="space-y-2">
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 600, height }}>
          {children}
        </ResponsiveContainer>
      </div>
      {legend && series && series.length > 1 && <ChartLegend series={series} />}
    </figure>
  );
}
