import { useState } from 'react';
import { cn } from '../../../components/ui/cn';
import { type Change, diffStates, formatValue } from '../utils/state-diff';

const rowTone: Record<Change, string> = {
  changed: 'bg-warning/10',
  added: 'bg-success/10',
  removed: 'bg-danger/10',
  unchanged: '',
};

/** Before/after side by side, key by key; changed keys are highlighted and unchanged ones folded away. */
export function StateDiff({ before, after }: { before: unknown; after: unknown }) {
  const [showUnchanged, setShowUnchanged] = useState(false);
  const rows = diffStates(before, after);
  const unchanged = rows.filter((r) => r.change === 'unchanged').length;
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">This event records no state.</p>;
  const visible = showUnchanged ? rows : rows.filter((r) => r.change !== 'unchanged');
  return (
    <div>
      <table aria-label="Changes" className="w-full table-fixed text-sm">
        <thead className="text-left text-xs text-muted-foreground uppercase">
          <tr>
            <th className="w-1/4 px-3 py-1.5 font-medium">Key</th>
            <th className="px-3 py-1.5 font-medium">Before</th>
            <th className="px-3 py-1.5 font-medium">After</th>
          </tr>
        </thead>
        <tbody className="font-mono text-xs">
          {visible.map((row) => (
            <tr key={row.path} data-change={row.change} className={cn('border-t border-border align-top', rowTone[row.change])}>
              <th scope="row" className="px-3 py-1.5 text-left font-medium break-all">
                {row.path}
                {row.change !== 'unchanged' && <span className="sr-only"> ({row.change})</span>}
              </th>
              <td className={cn('px-3 py-1.5 break-all', row.change === 'changed' || row.change === 'removed' ? 'text-danger line-through decoration-danger/40' : 'text-muted-foreground')}>
                {formatValue(row.before)}
              </td>
              <td className={cn('px-3 py-1.5 break-all', row.change === 'changed' || row.change === 'added' ? 'font-semibold text-success' : 'text-muted-foreground')}>
                {formatValue(row.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unchanged > 0 && (
        <button type="button" className="mt-2 text-xs text-primary hover:underline" onClick={() => setShowUnchanged(!showUnchanged)}>
          {showUnchanged ? 'Hide unchanged keys' : `Show ${unchanged} unchanged ${unchanged === 1 ? 'key' : 'keys'}`}
        </button>
      )}
    </div>
  );
}
