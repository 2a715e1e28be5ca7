import type { DriftWindow } from '../../../../shared/contract/monitoring';
import { cn } from '../../../components/ui/cn';
import { type HeatLevel, heatmapRows } from '../utils/chart-data';

const levelClass: Record<HeatLevel, string> = {
  none: 'bg-muted',
  low: 'bg-success/25',
  medium: 'bg-warning/30',
  high: 'bg-warning/70',
  drifted: 'bg-danger',
};

/** Features × time; each cell coloured by its drift score relative to the feature's threshold. */
export function DriftHeatmap({
  features,
  windows,
  selected,
  onSelect,
  formatTime,
}: {
  features: Array<{ name: string }>;
  windows: DriftWindow[];
  selected: string | null;
  onSelect: (feature: string) => void;
  formatTime: (ms: number) => string;
}) {
  const rows = heatmapRows(features, windows);
  const every = Math.max(1, Math.ceil(windows.length / 8));
  return (
    <div className="overflow-x-auto">
      <table aria-label="Drift heatmap" className="w-full table-fixed border-separate border-spacing-0.5 text-xs">
        <tbody>
          {rows.map((row) => (
            <tr key={row.feature}>
              <th scope="row" className="w-28 truncate pr-3 text-left font-medium whitespace-nowrap">
                <button type="button" onClick={() => onSelect(row.feature)} className={cn('hover:underline', selected === row.feature && 'text-primary')}>
                  {row.feature}
                </button>
              </th>
              {row.cells.map((cell) => (
                <td key={cell.start} className="p-0">
                  <button
                    type="button"
                    onClick={() => onSelect(row.feature)}
                    data-drifted={cell.drifted}
                    data-start={cell.start}
                    aria-label={`${row.feature} at ${formatTime(Date.parse(cell.start))}: ${cell.score === null ? 'no data' : `${cell.drifted ? 'drifted' : 'no drift'}, score ${cell.score.toPrecision(3)}`}`}
                    title={cell.score === null ? 'no data' : `score ${cell.score.toPrecision(3)}${cell.drifted ? ' (drifted)' : ''}`}
                    className={cn('block h-5 w-full min-w-2 rounded-sm', levelClass[cell.level])}
                  />
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <td />
            {windows.map((w, i) => (
              <td key={w.start} className="overflow-visible text-[10px] whitespace-nowrap text-muted-foreground">
                {i % every === 0 ? formatTime(Date.parse(w.start)) : ''}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="mt-2 flex gap-3 text-xs text-muted-foreground">
        {(['low', 'medium', 'high', 'drifted'] as const).map((level) => (
          <span key={level} className="flex items-center gap-1">
            <span className={cn('size-3 rounded-sm', levelClass[level])} /> {level === 'drifted' ? 'past threshold' : `${level}`}
          </span>
        ))}
      </p>
    </div>
  );
}
