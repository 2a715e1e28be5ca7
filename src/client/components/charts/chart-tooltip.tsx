import type { SeriesConfig } from './chart-theme';
import { chartColor } from './chart-theme';

interface TooltipPayload {
  dataKey?: string | number;
  value?: number | string | null;
  color?: string;
  /** The data row; a row naming its `series` belongs to that series whatever the data key. */
  payload?: unknown;
}

const seriesKeyOf = (item: TooltipPayload) => {
  const row = item.payload as { series?: unknown } | undefined;
  return typeof row?.series === 'string' ? row.series : item.dataKey;
};

/** The one tooltip every chart shows: the label, then a coloured line per series. */
export function ChartTooltipContent({
  active,
  payload,
  label,
  series,
  formatLabel,
}: {
  active?: boolean;
  payload?: TooltipPayload[];
  label?: string | number;
  series: readonly SeriesConfig[];
  formatLabel?: (label: string | number) => string;
}) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      {label !== undefined && <p className="mb-1 font-medium text-foreground">{formatLabel ? formatLabel(label) : label}</p>}
      {payload.map((item) => {
        const key = seriesKeyOf(item);
        const index = series.findIndex((s) => s.key === key);
        const config = series[index];
        if (!config || item.value === null || item.value === undefined) return null;
        return (
          <p key={config.key} className="flex items-center gap-2 text-muted-foreground">
            <span className="size-2 rounded-full" style={{ background: config.color ?? chartColor(index) }} />
            {config.label}
            <span className="ml-auto font-mono text-foreground">{typeof item.value === 'number' && config.format ? config.format(item.value) : item.value}</span>
          </p>
        );
      })}
    </div>
  );
}
