import { type ReactNode, useState } from 'react';
import { Input } from '../../../components/ui/field';

/** A searchable two-column table (params, metrics, tags). */
export function KeyValueTable({ label, rows }: { label: string; rows: Array<{ key: string; value: ReactNode; text: string }> }) {
  const [search, setSearch] = useState('');
  const needle = search.toLowerCase();
  const shown = rows.filter((r) => r.key.toLowerCase().includes(needle) || r.text.toLowerCase().includes(needle));
  return (
    <section aria-label={label} className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{label}</h2>
        <Input aria-label={`Search ${label.toLowerCase()}`} placeholder="Search" className="h-8 max-w-48" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <div className="max-h-80 overflow-auto rounded-md border border-border">
        <table className="w-full text-sm">
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} className="border-t border-border first:border-t-0">
                <th scope="row" className="w-1/2 truncate px-3 py-1.5 text-left font-normal text-muted-foreground">{row.key}</th>
                <td className="px-3 py-1.5 font-mono break-all">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="px-3 py-2 text-sm text-muted-foreground">{rows.length === 0 ? 'None logged.' : 'Nothing matches.'}</p>}
      </div>
    </section>
  );
}
