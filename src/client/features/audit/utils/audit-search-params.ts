import type { AuditFilterInput } from '../../../../shared/contract/audit';

export const filterKeys = ['actor', 'action', 'entityType', 'entityId', 'model', 'environment', 'from', 'to'] as const;
export type FilterKey = (typeof filterKeys)[number];

/** The audit filters held in the page URL (the filter is the URL: links and reloads keep it). */
export function filtersFromSearch(search: URLSearchParams): AuditFilterInput {
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of filterKeys) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** Replaces the filter keys of `search` with `filters`, keeping other state (selection) out. */
export function searchWithFilters(search: URLSearchParams, filters: Partial<Record<FilterKey, string>>): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key]?.trim();
    if (value) next.set(key, value);
  }
  for (const [key, value] of search) if (!(filterKeys as readonly string[]).includes(key) && key !== 'event') next.set(key, value);
  return next;
}

/** `datetime-local` input value (local time) ↔ ISO string in the URL. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function localInputToIso(value: string): string {
  return value ? new Date(value).toISOString() : '';
}
