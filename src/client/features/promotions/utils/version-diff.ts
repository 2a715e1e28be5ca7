import type { VersionFacts } from '../../../../shared/contract/promotions';

export interface DiffRow {
  key: string;
  candidate: string | null;
  serving: string | null;
  changed: boolean;
  /** candidate − serving, for numbers. */
  delta: number | null;
}

const show = (value: string | number | undefined | null) => (value === undefined || value === null ? null : String(value));

/** One row per key present on either side, sorted by key, marking what differs. */
export function diffRecords(candidate: Record<string, string | number>, serving: Record<string, string | number> | null): DiffRow[] {
  const keys = [...new Set([...Object.keys(candidate), ...Object.keys(serving ?? {})])].sort();
  return keys.map((key) => {
    const a = candidate[key];
    const b = serving?.[key];
    return {
      key,
      candidate: show(a),
      serving: show(b),
      changed: serving !== null && a !== b,
      delta: typeof a === 'number' && typeof b === 'number' ? Number((a - b).toPrecision(6)) : null,
    };
  });
}

/** The request page's diff: metrics and params of the source runs, signature, training datasets. */
export function diffVersions(candidate: VersionFacts, serving: VersionFacts | null) {
  const signatureOf = (v: VersionFacts | null) => (v ? { inputs: v.signature?.inputs ?? '(none)', outputs: v.signature?.outputs ?? '(none)' } : null);
  const datasetsOf = (v: VersionFacts) => Object.fromEntries(v.datasets.map((d) => [d.context ? `${d.name} (${d.context})` : d.name, d.digest]));
  return {
    metrics: diffRecords(candidate.metrics, serving?.metrics ?? null),
    params: diffRecords(candidate.params, serving?.params ?? null),
    signature: diffRecords(signatureOf(candidate)!, signatureOf(serving)),
    datasets: diffRecords(datasetsOf(candidate), serving ? datasetsOf(serving) : null),
  };
}
