import { CartesianGrid, Cell, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartContainer } from './chart-container';
import { axisProps, gridProps } from './chart-theme';

export interface ScatterDatum {
  x: number;
  y: number;
  name: string;
  color: string;
}

function ScatterTooltip({ active, payload, xLabel, yLabel }: { active?: boolean; payload?: Array<{ payload?: ScatterDatum }>; xLabel: string; yLabel: string }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="mb-1 flex items-center gap-2 font-medium text-foreground">
        <span className="size-2 rounded-full" style={{ background: point.color }} />
        {point.name}
      </p>
      <p className="text-muted-foreground">{xLabel}: <span className="font-mono text-foreground">{point.x}</span></p>
      <p className="text-muted-foreground">{yLabel}: <span className="font-mono text-foreground">{point.y}</span></p>
    </div>
  );
}

/** One dot per item, coloured as elsewhere on the page. */
export function ScatterPlot({ label, data, xLabel, yLabel, height = 280 }: { label: string; data: ScatterDatum[]; xLabel: string; yLabel: string; height?: number }) {
  return (
    <ChartContainer label={label} height={height}>
      <ScatterChart margin={{ top: 8, right: 12, bottom: 16, left: 0 }}>
        <CartesianGrid {...gridProps} vertical />
        <XAxis dataKey="x" type="number" name={xLabel} domain={['auto', 'auto']} label={{ value: xLabel, position: 'insideBottom', offset: -8, fontSize: 11, fill: 'var(--muted-foreground)' }} {...axisProps} />
        <YAxis dataKey="y" type="number" name={yLabel} width={56} domain={['auto', 'auto']} {...axisProps} />
        <Tooltip content={<ScatterTooltip xLabel={xLabel} yLabel={yLabel} />} />
        <Scatter data={data} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.name + d.x + d.y} fill={d.color} />
          ))}
        </Scatter>
      </ScatterChart>
    </ChartContainer>
  );
}
