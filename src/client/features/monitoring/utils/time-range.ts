/** Time-range presets of the monitoring page, and the range in the URL (`range` or `from`/`to`). */
export const rangePresets = [
  { key: '1h', label: 'Last hour', ms: 3_600_000 },
  { key: '6h', label: 'Last 6 hours', ms: 6 * 3_600_000 },
  { key: '24h', label: 'Last 24 hours', ms: 24 * 3_600_000 },
  { key: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { key: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
] as const;

export interface ResolvedRange {
  from: string;
  to: string;
  /** A preset that ends now: its charts poll for new windows. */
  live: boolean;
  preset: string | null;
}

/** Presets end at the current minute so query keys stay stable between renders. */
export function resolveRange(params: URLSearchParams, now = Date.now()): ResolvedRange {
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to))) return { from, to, live: false, preset: null };
  const preset = rangePresets.find((p) => p.key === params.get('range')) ?? rangePresets[2];
  const end = Math.ceil(now / 60_000) * 60_000;
  return { from: new Date(end - preset.ms).toISOString(), to: new Date(end).toISOString(), live: true, preset: preset.key };
}

/** Short time labels: hours and minutes within two days, dates beyond. */
export function timeFormatter(from: string, to: string): (ms: number) => string {
  const long = Date.parse(to) - Date.parse(from) > 2 * 86_400_000;
  const format = new Intl.DateTimeFormat(undefined, long ? { month: 'short', day: 'numeric', hour: '2-digit' } : { hour: '2-digit', minute: '2-digit' });
  return (ms) => format.format(new Date(ms));
}
