import { type PointerEvent, useState } from 'react';
import { createPortal } from 'react-dom';
import { usePlotArea, useXAxisInverseScale, useXAxisScale } from 'recharts';
import type { SeriesConfig } from './chart-theme';
import { ChartTooltipContent } from './chart-tooltip';
import type { PathSeries } from './series-paths';

type HoverSeries = PathSeries & SeriesConfig;

/** Index of the x in ascending `xs` nearest to `x` (binary search). */
export function nearestIndex(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[hi]! - x) < Math.abs(xs[lo]! - x) ? hi : lo;
}

const tooltipWidth = 220;

/**
 * The tooltip of a chart drawn by <SeriesPaths>: over the plot area, the pointer's x picks each
 * line's nearest point; a cursor line marks the x and the shared tooltip lists the values.
 */
export function SeriesHover({ series, formatX }: { series: readonly HoverSeries[]; formatX: (x: number) => string }) {
  const plot = usePlotArea();
  const toValue = useXAxisInverseScale();
  const toPixel = useXAxisScale();
  const [pointer, setPointer] = useState<{ x: number; clientX: number; clientY: number } | null>(null);
  if (!plot || !toValue || !toPixel) return null;

  const move = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const px = plot.x + event.clientX - box.left;
    const x = Number(toValue(px));
    if (Number.isFinite(x)) setPointer({ x, clientX: event.clientX, clientY: event.clientY });
  };
  const values = pointer
    ? series.flatMap((s) => {
        if (s.xs.length === 0) return [];
        const y = s.ys[nearestIndex(s.xs, pointer.x)];
        return y === null || y === undefined ? [] : [{ dataKey: s.key, value: y }];
      })
    : [];
  const nearestX = pointer && series[0] && series[0].xs.length > 0 ? series[0].xs[nearestIndex(series[0].xs, pointer.x)]! : pointer?.x;
  const cursorX = nearestX === undefined ? undefined : toPixel(nearestX);
  // Beside the pointer, on the side with room; in the page's top layer so no chart clips it.
  const left = pointer && pointer.clientX + 16 + tooltipWidth > window.innerWidth ? pointer.clientX - 16 - tooltipWidth : (pointer?.clientX ?? 0) + 16;

  return (
    <g className="chart-hover">
      {pointer && cursorX !== undefined && <line x1={cursorX} x2={cursorX} y1={plot.y} y2={plot.y + plot.height} stroke="var(--muted-foreground)" strokeDasharray="3 3" />}
      <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="transparent" onPointerMove={move} onPointerLeave={() => setPointer(null)} />
      {pointer &&
        values.length > 0 &&
        createPortal(
          <div className="pointer-events-none fixed z-50" style={{ left, top: pointer.clientY + 8, width: tooltipWidth }}>
            <ChartTooltipContent active payload={values} label={nearestX} series={series} formatLabel={(x) => formatX(Number(x))} />
          </div>,
          document.body,
        )}
    </g>
  );
}
