import type { FeatureType } from '../../../shared/contract/monitoring';
import { type Cell, toCell } from './cell-value';
import { addLabelled, emptyPerformance, performanceMetrics } from './performance';
import {
  type Binning,
  binCount,
  binOf,
  type FeatureProfile,
  maxCategories,
  maxDiscreteValues,
  type ReferenceProfile,
  type TaskType,
} from './reference-profile';
import { offer, type Reservoir } from './reservoir';

export interface ProfileOptions {
  predictionColumn?: string | undefined;
  labelColumn?: string | undefined;
  ignoreColumns?: string[];
  types?: Record<string, FeatureType>;
}

/** Reference values kept for KS and Wasserstein: the reference's share of their sampling noise stays small. */
export const referenceSampleSize = 5000;
const distinctCap = 1000;
const quantileBins = 10;

/** First pass over one column: type evidence, summary statistics, distinct values, a sample. */
class ColumnScan {
  count = 0;
  missing = 0;
  nonNumeric = 0;
  distinct = new Map<string, number>();
  capped = false;
  min = Infinity;
  max = -Infinity;
  mean = 0;
  m2 = 0;
  numericCount = 0;
  sample: Reservoir = { seen: 0, values: [] };

  constructor(readonly name: string) {}

  add(cell: Cell) {
    if (cell === null) {
      this.missing += 1;
      return;
    }
    this.count += 1;
    const seen = this.distinct.get(cell.str);
    if (seen !== undefined) this.distinct.set(cell.str, seen + 1);
    else if (this.distinct.size < distinctCap) this.distinct.set(cell.str, 1);
    else this.capped = true;
    if (cell.num === null) {
      this.nonNumeric += 1;
      return;
    }
    const x = cell.num;
    this.numericCount += 1;
    const delta = x - this.mean;
    this.mean += delta / this.numericCount;
    this.m2 += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    offer(this.sample, x, referenceSampleSize);
  }

  inferredType(): FeatureType | null {
    if (this.count === 0) return null;
    return this.nonNumeric === 0 ? 'numeric' : 'categorical';
  }
}

/**
 * Builds a reference profile in two streaming passes over the rows (a file is read twice rather
 * than held in memory): the first infers types and picks bin edges, the second counts the bins.
 */
export class ProfileBuilder {
  private scans = new Map<string, ColumnScan>();
  private plans: Array<{ scan: ColumnScan; profile: FeatureProfile }> = [];
  private predictionPlan: { scan: ColumnScan; profile: FeatureProfile } | null = null;
  private performance = emptyPerformance();
  private taskType: TaskType | null = null;
  private rows = 0;

  constructor(private readonly options: ProfileOptions = {}) {}

  firstPass(row: Record<string, unknown>) {
    this.rows += 1;
    for (const name of Object.keys(row)) {
      if (name === this.options.labelColumn || this.options.ignoreColumns?.includes(name)) continue;
      let scan = this.scans.get(name);
      if (!scan) this.scans.set(name, (scan = new ColumnScan(name)));
      scan.add(toCell(row[name]));
    }
  }

  /** Picks types and bins; returns the usable feature names (throws nothing: callers check). */
  plan(): string[] {
    for (const scan of this.scans.values()) {
      const profile = planColumn(scan, this.options.types?.[scan.name]);
      if (!profile) continue;
      if (scan.name === this.options.predictionColumn) this.predictionPlan = { scan, profile };
      else this.plans.push({ scan, profile });
    }
    const prediction = this.predictionPlan?.profile;
    if (prediction) this.taskType = prediction.type === 'categorical' || prediction.binning.kind === 'discrete' ? 'classification' : 'regression';
    return this.plans.map((p) => p.profile.name);
  }

  secondPass(row: Record<string, unknown>) {
    for (const { profile } of this.plans) countCell(profile, toCell(row[profile.name]));
    if (!this.predictionPlan) return;
    const prediction = toCell(row[this.predictionPlan.profile.name]);
    countCell(this.predictionPlan.profile, prediction);
    const label = this.options.labelColumn ? toCell(row[this.options.labelColumn]) : null;
    if (prediction && label && this.taskType) addLabelled(this.performance, this.taskType, prediction, label);
  }

  result(): ReferenceProfile {
    return {
      rowCount: this.rows,
      features: this.plans.map((p) => p.profile),
      prediction: this.predictionPlan?.profile ?? null,
      taskType: this.taskType,
      performance: this.taskType && this.performance.n > 0 ? performanceMetrics(this.performance, this.taskType) : null,
    };
  }
}

function countCell(profile: FeatureProfile, cell: Cell) {
  if (cell === null) return;
  if (profile.type === 'numeric') {
    if (cell.num === null) return;
    const bin = binOf(profile.binning, cell.num);
    profile.binCounts[bin] = (profile.binCounts[bin] ?? 0) + 1;
    return;
  }
  const bin = binOf(profile.binning, cell.str);
  profile.binCounts[bin] = (profile.binCounts[bin] ?? 0) + 1;
}

function planColumn(scan: ColumnScan, override: FeatureType | undefined): FeatureProfile | null {
  const inferred = scan.inferredType();
  if (!inferred) return null;
  const type = override ?? inferred;
  if (type === 'numeric' && scan.numericCount === 0) return null;
  const binning = type === 'numeric' ? numericBinning(scan) : categoricalBinning(scan);
  const std = scan.numericCount > 1 ? Math.sqrt(scan.m2 / (scan.numericCount - 1)) : 0;
  return {
    name: scan.name,
    type,
    inferredType: inferred,
    count: type === 'numeric' ? scan.numericCount : scan.count,
    // A value that is not a number in a column declared numeric is as good as missing.
    missing: type === 'numeric' ? scan.missing + scan.nonNumeric : scan.missing,
    uniqueCount: scan.distinct.size,
    uniqueCapped: scan.capped,
    stats: scan.numericCount > 0 ? { min: scan.min, max: scan.max, mean: scan.mean, std } : null,
    binning,
    binCounts: new Array<number>(binCount(binning)).fill(0),
    sample: type === 'numeric' ? scan.sample.values : [],
  };
}

function numericBinning(scan: ColumnScan): Binning {
  const values = [...scan.distinct.keys()].map(Number).filter(Number.isFinite);
  if (!scan.capped && values.length <= maxDiscreteValues) return { kind: 'discrete', values: values.sort((a, b) => a - b) };
  const sorted = scan.sample.values.slice().sort((a, b) => a - b);
  const edges: number[] = [];
  for (let i = 1; i < quantileBins; i++) {
    // The largest value of the lower i/10 of the sample: bins hold (edge[i-1], edge[i]].
    const edge = sorted[Math.max(0, Math.floor((i * sorted.length) / quantileBins) - 1)] as number;
    if (edges.length === 0 || edge > (edges[edges.length - 1] as number)) edges.push(edge);
  }
  return { kind: 'numeric', edges };
}

function categoricalBinning(scan: ColumnScan): Binning {
  const categories = [...scan.distinct.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxCategories)
    .map(([value]) => value);
  return { kind: 'categorical', categories };
}
