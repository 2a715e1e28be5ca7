import { useState } from 'react';
import type { RunDetail } from '../../../../shared/contract/runs';
import { cn } from '../../../components/ui/cn';
import { type CompareKind, compareRows } from '../utils/compare-data';
import { formatMetric } from '../utils/chart-data';

const kinds: Array<{ id: CompareKind; label: string }> = [
  { id: 'params', label: 'Parameters' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'tags', label: 'Tags' },
];

const delta = (d: number | null) => (d === null || d === 0 ? '' : `${d > 0 ? '+' : '−'}${formatMetric(Math.abs(d))}`);

/** Params, metrics and tags side by side; "differences only" and a baseline run whose deltas are shown. */
export function CompareTables({ runs, colors, differencesOnly, baseline }: { runs: RunDetail[]; colors: string[]; differencesOnly: boolean; baseline: number }) {
  const [kind, setKind] = useState<CompareKind>('params');
  const rows = compareRows(runs, kind, { differencesOnly, baseline });
  return (
    <section aria-label="Compare values" className="space-y-2">
      <div role="tablist" aria-label="Values" className="flex gap-1">
        {kinds.map((k) => (
          <button key={k.id} type="button" role="tab" aria-selected={kind === k.id} onClick={() => setKind(k.id)} className={cn('rounded-md px-3 py-1 text-sm', kind === k.id ? 'bg-primary/10 font-medium text-primary' : 'text-muted-foreground hover:bg-muted')}>
            {k.label}
          </button>
        ))}
      </div>
      <div className="overflow-auto rounded-lg border border-border bg-surface">
        <table className="text-sm" aria-label={kinds.find((k) => k.id === kind)!.label}>
          <thead className="bg-muted text-xs text-muted-foreground">
            <tr>
              <th className="sticky left-0 bg-muted px-3 py-2 text-left">Key</th>
              {runs.map((run, i) => (
                <th key={run.run.runId} className="px-3 py-2 text-left whitespace-nowrap">
                  <span className="mr-1 inline-block size-2 rounded-full" style={{ background: colors[i] }} />
                  {run.run.runName}
                  {i === baseline && <span className="ml-1 text-primary">(baseline)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={cn('border-t border-border', row.differs && 'bg-warning/5')}>
                <th scope="row" className="sticky left-0 bg-surface px-3 py-1.5 text-left font-normal text-muted-foreground">{row.key}</th>
                {row.values.map((value, i) => (
                  <td key={i} className="px-3 py-1.5 font-mono whitespace-nowrap">
                    {value === undefined ? <span className="text-muted-foreground">—</span> : kind === 'metrics' ? formatMetric(Number.isNaN(Number(value)) ? (value as 'NaN') : Number(value)) : value}
                    {i !== baseline && delta(row.deltas[i] ?? null) && <span className={cn('ml-2 text-xs', (row.deltas[i] ?? 0) > 0 ? 'text-success' : 'text-danger')}>{delta(row.deltas[i] ?? null)}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="px-3 py-2 text-sm text-muted-foreground">{differencesOnly ? 'These runs do not differ here.' : 'Nothing logged.'}</p>}
      </div>
    </section>
  );
}
