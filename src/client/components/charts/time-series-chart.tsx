import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useState } from 'react';
import { ChartContainer } from './chart-container';
import { axisProps, chartColor, gridProps, type SeriesConfig } from './chart-theme';
import { ChartTooltipContent } from './chart-tooltip';

export interface Marker {
  at: number;
  label: string;
}

/**
 * Lines over time (x = epoch ms) with optional threshold line and vertical markers (e.g. where a
 * deployment changed). Dragging across the chart selects a range (`onZoom`).
 */
export function TimeSeriesChart({
  label,
  data,
  series,
  formatTime,
  markers = [],
  threshold,
  height,
  onZoom,
  yLabel,
}: {
  label: string;
  data: Array<Record<string, number | null>>;
  series: SeriesConfig[];
  formatTime: (ms: number) => string;
  markers?: Marker[];
  threshold?: { value: number; label: string };
  height?: number;
  onZoom?: (from: number, to: number) => void;
  yLabel?: string;
}) {
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dragTo, setDragTo] = useState<number | null>(null);
  const endDrag = () => {
    if (onZoom && dragFrom !== null && dragTo !== null && dragFrom !== dragTo) onZoom(Math.min(dragFrom, dragTo), Math.max(dragFrom, dragTo));
    setDragFrom(null);
    setDragTo(null);
  };
  type ChartEvent = { activeLabel?: string | number } | null;
  const at = (event: unknown) => {
    const value = (event as ChartEvent)?.activeLabel;
    return value === undefined ? null : Number(value);
  };
  return (
    <ChartContainer label={label} height={height} series={series}>
      <LineChart
        data={data}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        onMouseDown={(e) => setDragFrom(at(e))}
        onMouseMove={(e) => dragFrom !== null && setDragTo(at(e))}
        onMouseUp={endDrag}
      >
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatTime} {...axisProps} />
        <YAxis width={48} {...axisProps} label={yLabel ? { value: yLabel, angle: -90, position: 'insideLeft', fontSize: 11, fill: 'var(--muted-foreground)' } : undefined} />
        <Tooltip content={<ChartTooltipContent series={series} formatLabel={(t) => formatTime(Number(t))} />} />
        {series.map((s, i) => (
          <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color ?? chartColor(i)} dot={false} strokeWidth={1.75} isAnimationActive={false} connectNulls={false} />
        ))}
        {threshold && <ReferenceLine y={threshold.value} stroke="var(--danger)" strokeDasharray="4 4" label={{ value: threshold.label, fontSize: 10, fill: 'var(--danger)', position: 'insideTopRight' }} />}
        {markers.map((m) => (
          <ReferenceLine key={`${m.at}-${m.label}`} x={m.at} stroke="var(--muted-foreground)" strokeDasharray="2 3" label={{ value: m.label, fontSize: 10, fill: 'var(--muted-foreground)', position: 'insideTopLeft' }} />
        ))}
        {dragFrom !== null && dragTo !== null && <ReferenceArea x1={dragFrom} x2={dragTo} fill="var(--primary)" fillOpacity={0.1} />}
      </LineChart>
    </ChartContainer>
  );
}
