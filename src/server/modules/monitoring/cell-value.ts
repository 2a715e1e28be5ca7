/** A cell or feature value after normalization: missing, or its number (if any) and its text. */
export type Cell = null | { num: number | null; str: string };

/** A number as a cell, its text made only if asked for (a numeric prediction never needs it). */
class NumberCell {
  constructor(readonly num: number) {}
  get str(): string {
    return String(this.num);
  }
}

export const numberCell = (num: number): Cell => new NumberCell(num);

const missingWords = new Set(['', 'na', 'nan', 'null', 'none', 'n/a']);
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Normalizes values from CSV (strings), Parquet (numbers, bigints, booleans, strings) and JSON.
 * NaN and ±Infinity count as missing, as Evidently drops them before any test.
 */
export function toCell(raw: unknown): Cell {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? { num: raw, str: String(raw) } : null;
  if (typeof raw === 'bigint') return { num: Number(raw), str: raw.toString() };
  if (typeof raw === 'boolean') return { num: null, str: String(raw) };
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (missingWords.has(text.toLowerCase())) return null;
    if (numberPattern.test(text)) {
      const num = Number(text);
      return Number.isFinite(num) ? { num, str: text } : null;
    }
    return { num: null, str: text };
  }
  if (raw instanceof Date) return { num: null, str: raw.toISOString() };
  return { num: null, str: JSON.stringify(raw) };
}
