import { type FormEvent, useState } from 'react';
import type { ModelSort } from '../../../../shared/contract/models';
import { Button } from '../../../components/ui/button';
import { Input, Select } from '../../../components/ui/field';
import type { ModelFilters as Filters } from '../api/models.queries';

/** Search by name and tag, and the sort order; the route keeps them in the URL. */
export function ModelFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const [q, setQ] = useState(filters.q ?? '');
  const [tag, setTag] = useState(filters.tag ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, q: q.trim() || undefined, tag: tag.trim() || undefined });
  };
  return (
    <form role="search" onSubmit={submit} className="flex flex-wrap items-center gap-2 border-b border-border px-5 py-3">
      <Input aria-label="Search by name" placeholder="Name contains…" className="w-56!" value={q} onChange={(event) => setQ(event.target.value)} />
      <Input aria-label="Tag" placeholder="tag or key=value" className="w-48!" value={tag} onChange={(event) => setTag(event.target.value)} />
      <Button type="submit" variant="secondary" size="sm">Search</Button>
      <Select aria-label="Sort" className="ml-auto w-48!" value={filters.sort ?? '-updated'} onChange={(event) => onChange({ ...filters, sort: event.target.value as ModelSort })}>
        <option value="-updated">Last change, newest</option>
        <option value="updated">Last change, oldest</option>
        <option value="name">Name, A–Z</option>
        <option value="-name">Name, Z–A</option>
      </Select>
    </form>
  );
}
