import type { SignatureColumn, VersionDetail } from '../../../../shared/contract/models';

export interface CompareRow {
  key: string;
  a: string;
  b: string;
  differs: boolean;
}
export interface CompareSection {
  title: string;
  rows: CompareRow[];
}

const column = (c: SignatureColumn) => `${c.type}${c.shape ? ` ${c.shape}` : ''}${c.optional ? ' (optional)' : ''}`;

/** Rows for every key either side has; a key only one side has shows "—" on the other. */
function align(a: Map<string, string>, b: Map<string, string>): CompareRow[] {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x.localeCompare(y));
  return keys.map((key) => {
    const left = a.get(key) ?? '—';
    const right = b.get(key) ?? '—';
    return { key, a: left, b: right, differs: left !== right };
  });
}

const metricText = (value: number | null) => (value === null ? 'NaN' : String(value));

/** Two versions side by side: metrics, params, signature inputs and outputs, datasets. */
export function compareSections(a: VersionDetail, b: VersionDetail): CompareSection[] {
  const metrics = (v: VersionDetail) => new Map(v.metrics.map((m) => [m.key, metricText(m.value)]));
  const params = (v: VersionDetail) => new Map(v.params.map((p) => [p.key, p.value]));
  const inputs = (v: VersionDetail) => new Map((v.signature?.inputs ?? []).map((c, i) => [c.name ?? `#${i + 1}`, column(c)]));
  const outputs = (v: VersionDetail) => new Map((v.signature?.outputs ?? []).map((c, i) => [c.name ?? `#${i + 1}`, column(c)]));
  const datasets = (v: VersionDetail) => new Map(v.datasets.map((d) => [`${d.name}${d.context ? ` (${d.context})` : ''}`, d.digest]));
  return [
    { title: 'Metrics', rows: align(metrics(a), metrics(b)) },
    { title: 'Parameters', rows: align(params(a), params(b)) },
    { title: 'Signature inputs', rows: align(inputs(a), inputs(b)) },
    { title: 'Signature outputs', rows: align(outputs(a), outputs(b)) },
    { title: 'Datasets (digest)', rows: align(datasets(a), datasets(b)) },
  ];
}
