import { useState } from 'react';

export interface ParallelAxisView {
  label: string;
  /** Tick labels bottom to top. */
  ticks: string[];
}

export interface ParallelLine {
  key: string;
  label: string;
  color: string;
  /** One position per axis, 0 = bottom, 1 = top, null = missing (the line breaks). */
  values: Array<number | null>;
}

const width = 900;
const margin = { top: 28, right: 48, bottom: 16, left: 48 };

/**
 * Parallel coordinates as plain SVG (Recharts has none), with the charts' theme variables and a
 * hover highlight. It scales to its container's width through the viewBox.
 */
export function ParallelCoordinates({ label, axes, lines, height = 300 }: { label: string; axes: ParallelAxisView[]; lines: ParallelLine[]; height?: number }) {
  const [hovered, setHovered] = useState<string | null>(null);
  const innerHeight = height - margin.top - margin.bottom;
  const xOf = (i: number) => margin.left + (axes.length === 1 ? 0 : (i * (width - margin.left - margin.right)) / (axes.length - 1));
  const yOf = (v: number) => margin.top + (1 - v) * innerHeight;
  const pathOf = (values: Array<number | null>) =>
    values.reduce((d, v, i) => {
      if (v === null) return d;
      const previous = i > 0 ? values[i - 1] : null;
      return `${d}${previous === null || previous === undefined ? 'M' : 'L'}${xOf(i).toFixed(1)},${yOf(v).toFixed(1)}`;
    }, '');
  return (
    <figure aria-label={label} className="w-full">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={label}>
        {lines.map((line) => (
          <path
            key={line.key}
            d={pathOf(line.values)}
            fill="none"
            stroke={line.color}
            strokeWidth={hovered === line.key ? 3 : 1.5}
            strokeOpacity={hovered && hovered !== line.key ? 0.2 : 0.85}
            onMouseEnter={() => setHovered(line.key)}
            onMouseLeave={() => setHovered(null)}
          >
            <title>{line.label}</title>
          </path>
        ))}
        {axes.map((axis, i) => (
          <g key={axis.label}>
            <line x1={xOf(i)} x2={xOf(i)} y1={margin.top} y2={margin.top + innerHeight} stroke="var(--muted-foreground)" />
            <text x={xOf(i)} y={margin.top - 12} textAnchor="middle" fontSize={12} fill="var(--foreground)">
              {axis.label}
            </text>
            {axis.ticks.map((tick, t) => (
              <text key={tick + t} x={xOf(i) + 4} y={yOf(axis.ticks.length === 1 ? 0.5 : t / (axis.ticks.length - 1)) + 4} fontSize={10} fill="var(--muted-foreground)">
                {tick}
              </text>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
