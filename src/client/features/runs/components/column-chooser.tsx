import { Columns3 } from 'lucide-react';
import { useState } from 'react';
import type { ExperimentKeys } from '../../../../shared/contract/experiments';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/field';

type Kind = 'metrics' | 'params' | 'tags';

/** Picks metric, param and tag columns from the keys the experiment has logged. */
export function ColumnChooser({ keys, chosen, onChange }: { keys: ExperimentKeys; chosen: Record<Kind, string[]>; onChange: (next: Record<Kind, string[]>) => void }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const toggle = (kind: Kind, key: string) => {
    const list = chosen[kind];
    onChange({ ...chosen, [kind]: list.includes(key) ? list.filter((k) => k !== key) : [...list, key] });
  };
  const count = chosen.metrics.length + chosen.params.length + chosen.tags.length;
  return (
    <div className="relative">
      <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Columns3 className="size-4" /> Columns{count > 0 && ` (${count})`}
      </Button>
      {open && (
        <div role="dialog" aria-label="Choose columns" className="absolute right-0 z-30 mt-1 max-h-96 w-72 overflow-auto rounded-md border border-border bg-surface p-3 shadow-lg">
          <Input aria-label="Search keys" placeholder="Search keys" value={search} onChange={(e) => setSearch(e.target.value)} className="mb-2" />
          {(['metrics', 'params', 'tags'] as const).map((kind) => {
            const matching = keys[kind].filter((key) => key.toLowerCase().includes(search.toLowerCase())).slice(0, 200);
            return (
              <fieldset key={kind} className="mb-2">
                <legend className="text-xs font-semibold uppercase text-muted-foreground">{kind}</legend>
                {matching.length === 0 && <p className="text-xs text-muted-foreground">None logged</p>}
                {matching.map((key) => (
                  <label key={key} className="flex items-center gap-2 py-0.5 text-sm">
                    <input type="checkbox" checked={chosen[kind].includes(key)} onChange={() => toggle(kind, key)} />
                    <span className="truncate">{key}</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
          <Button size="sm" className="mt-1 w-full" onClick={() => setOpen(false)}>
            Done
          </Button>
        </div>
      )}
    </div>
  );
}
