import type { SeriesConfig } from './chart-theme';
import { chartColor } from './chart-theme';

/** A legend outside the SVG, so it wraps and reads like the rest of the page. */
export function ChartLegend({ series }: { series: SeriesConfig[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {series.map((s, i) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span className="size-2 rounded-full" style={{ background: s.color ?? chartColor(i) }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
