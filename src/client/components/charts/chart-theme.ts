/** Series colours: the theme's --chart-1..8 CSS variables, so light and dark themes just work. */
export const chartColor = (index: number) => `var(--chart-${(index % 8) + 1})`;

export const axisProps = {
  stroke: 'var(--muted-foreground)',
  fontSize: 11,
  tickLine: false,
  axisLine: { stroke: 'var(--border)' },
} as const;

export const gridProps = { stroke: 'var(--border)', strokeDasharray: '3 3', vertical: false } as const;

export interface SeriesConfig {
  /** The data key of the series. */
  key: string;
  label: string;
  /** Defaults to the series' position in the palette. */
  color?: string;
  /** How the tooltip shows a value. */
  format?: (value: number) => string;
}
