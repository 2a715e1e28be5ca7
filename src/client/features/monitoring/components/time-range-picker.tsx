import { Button } from '../../../components/ui/button';
import { cn } from '../../../components/ui/cn';
import { rangePresets } from '../utils/time-range';

/** Presets, plus a way back from a zoomed range (zoom by dragging across a chart). */
export function TimeRangePicker({ preset, onPreset }: { preset: string | null; onPreset: (key: string) => void }) {
  return (
    <div role="group" aria-label="Time range" className="flex flex-wrap gap-1">
      {rangePresets.map((p) => (
        <Button key={p.key} size="sm" variant={preset === p.key ? 'primary' : 'secondary'} aria-pressed={preset === p.key} onClick={() => onPreset(p.key)} className={cn('text-xs')}>
          {p.key}
        </Button>
      ))}
      {preset === null && (
        <Button size="sm" variant="ghost" onClick={() => onPreset('24h')}>
          Reset zoom
        </Button>
      )}
    </div>
  );
}
