import { memo } from 'react';
import { useXAxisScale, useYAxisScale } from 'recharts';
import { chartColor } from './chart-theme';

export interface PathSeries {
  key: string;
  color?: string;
  xs: readonly number[];
  ys: ReadonlyArray<number | null>;
}

type Scale = (value: number) => number | undefined;

/** A lone point (no neighbour to join) as a small ring, so a one-value series still shows. */
const ring = 'm-2.5,0a2.5,2.5 0 1,0 5,0a2.5,2.5 0 1,0 -5,0';

/**
 * An SVG path through the points; a null y (or a value the scale cannot place) ends the segment, so
 * the line breaks there. Coordinates are rounded to a tenth of a pixel: shorter strings, same line.
 */
export function linePath(xs: readonly number[], ys: ReadonlyArray<number | null>, scaleX: Scale, scaleY: Scale): string {
  const parts: string[] = [];
  let segment = 0;
  const endSegment = () => {
    if (segment === 1) parts.push(ring);
    segment = 0;
  };
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    const px = scaleX(xs[i]!);
    const py = y === null || y === undefined ? undefined : scaleY(y);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) {
      endSegment();
      continue;
    }
    parts.push(`${segment === 0 ? 'M' : 'L'}${Math.round(px * 10) / 10},${Math.round(py * 10) / 10}`);
    segment += 1;
  }
  endSegment();
  return parts.join('');
}

/**
 * Every line of a chart as one plain SVG path each, inside a Recharts chart whose axes it reads.
 * Recharts' own <Line> builds an object, a tooltip entry and a curve segment per point, which for
 * 20 runs × 4 charts × hundreds of points was most of the compare page's time; here a point is a
 * few characters of a path. Memoised so hovering (and other chart state) does not rebuild paths.
 */
export const SeriesPaths = memo(function SeriesPaths({ series }: { series: readonly PathSeries[] }) {
  const scaleX = useXAxisScale();
  const scaleY = useYAxisScale();
  if (!scaleX || !scaleY) return null;
  return (
    <g className="chart-lines">
      {series.map((s, i) => (
        <path
          key={s.key}
          className="chart-line"
          data-series={s.key}
          d={linePath(s.xs, s.ys, scaleX, scaleY)}
          fill="none"
          stroke={s.color ?? chartColor(i)}
          strokeWidth={1.5}
          strokeLinejoin="round"
        />
      ))}
    </g>
  );
});
