import type { AlertRule } from '../../../shared/contract/monitoring-alerts';

/** One closed window's value of a rule's metric for one subject (null: no data in that window). */
export type WindowValue = number | null;

export const breaches = (rule: Pick<AlertRule, 'operator' | 'threshold'>, value: WindowValue): boolean =>
  value !== null && (rule.operator === '>' ? value > rule.threshold : value >= rule.threshold);

/**
 * A rule fires for a subject when its last `consecutive` closed windows all breach; it resolves
 * as soon as the latest closed window does not. Windows without data do not breach.
 */
export function evaluateSubject(rule: Pick<AlertRule, 'operator' | 'threshold' | 'consecutive'>, values: WindowValue[]): { firing: boolean; value: number | null } {
  const recent = values.slice(-rule.consecutive);
  const latest = values.length > 0 ? (values[values.length - 1] ?? null) : null;
  const firing = recent.length === rule.consecutive && recent.every((v) => breaches(rule, v));
  return { firing, value: latest };
}

/** What to do with the open alerts of one rule × deployment × version, per subject. */
export function alertTransitions(
  rule: Pick<AlertRule, 'operator' | 'threshold' | 'consecutive'>,
  series: Map<string, WindowValue[]>,
  open: Set<string>,
): { toOpen: Array<{ subject: string; value: number }>; toResolve: string[] } {
  const toOpen: Array<{ subject: string; value: number }> = [];
  const toResolve: string[] = [];
  for (const [subject, values] of series) {
    const { firing, value } = evaluateSubject(rule, values);
    if (firing && !open.has(subject)) toOpen.push({ subject, value: value as number });
    if (!firing && open.has(subject)) toResolve.push(subject);
  }
  // A subject that vanished (feature no longer in the profile) resolves too.
  for (const subject of open) if (!series.has(subject)) toResolve.push(subject);
  return { toOpen, toResolve };
}
