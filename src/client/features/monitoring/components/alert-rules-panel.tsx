import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AlertRule, AlertRuleInput } from '../../../../shared/contract/monitoring-alerts';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { Field, Input, Select } from '../../../components/ui/field';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { useDeleteAlertRule, useSaveAlertRule } from '../api/monitoring.mutations';
import { monitoringQueries } from '../api/monitoring.queries';

const metricLabels: Record<AlertRule['metric'], string> = {
  feature_psi: 'PSI of any feature',
  drifted_features: 'Drifted features (count)',
  drift_share: 'Dataset drift share',
  latency_p50: 'p50 latency (ms)',
  latency_p95: 'p95 latency (ms)',
  latency_p99: 'p99 latency (ms)',
  error_rate: 'Error rate (0–1)',
};
const windows = [1, 5, 15, 60, 360, 1440] as const;
const blank: AlertRuleInput = { name: '', metric: 'latency_p99', operator: '>', threshold: 300, windowMinutes: 1, consecutive: 5, deploymentId: null, versionRole: 'any', action: 'rollback', enabled: true };

/** Settings → Alerts: the rules evaluated as windows close. */
export function AlertRulesPanel({ canConfigure }: { canConfigure: boolean }) {
  const rules = useQuery(monitoringQueries.alertRules());
  const save = useSaveAlertRule();
  const remove = useDeleteAlertRule();
  const [draft, setDraft] = useState<AlertRuleInput>(blank);
  const set = <K extends keyof AlertRuleInput>(key: K, value: AlertRuleInput[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <Card>
      <CardHeader title="Alert rules" description="Evaluated on each closed window; an alert opens after the rule breaches for the given number of windows in a row, and resolves when it stops." />
      {rules.isPending ? (
        <Spinner label="Loading alert rules" />
      ) : rules.isError ? (
        <div className="p-5"><ErrorState error={rules.error} onRetry={() => rules.refetch()} /></div>
      ) : (
        <ul aria-label="Alert rules" className="divide-y divide-border">
          {rules.data.items.map((rule) => (
            <li key={rule.id} className="flex items-center justify-between gap-3 px-5 py-2 text-sm">
              <span>
                <span className="font-medium">{rule.name}</span>
                <span className="ml-2 text-muted-foreground">
                  {metricLabels[rule.metric]} {rule.operator} {rule.threshold} for {rule.consecutive} × {rule.windowMinutes} min · {rule.versionRole} · suggests {rule.action}
                </span>
              </span>
              <span className="flex items-center gap-2">
                {!rule.enabled && <Badge>disabled</Badge>}
                {canConfigure && <Button size="sm" variant="ghost" onClick={() => remove.mutate(rule.id)} aria-label={`Delete ${rule.name}`}>Delete</Button>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canConfigure && (
        <form
          aria-label="New alert rule"
          className="grid gap-3 border-t border-border p-5 sm:grid-cols-4"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ id: null, rule: draft }, { onSuccess: () => setDraft(blank) });
          }}
        >
          <Field label="Rule name">{(p) => <Input {...p} value={draft.name} onChange={(e) => set('name', e.target.value)} required />}</Field>
          <Field label="Metric">{(p) => <Select {...p} value={draft.metric} onChange={(e) => set('metric', e.target.value as AlertRule['metric'])}>{Object.entries(metricLabels).map(([k, v]) => <option key={k} value={k}>{v}</option>)}</Select>}</Field>
          <Field label="Threshold">{(p) => <Input {...p} type="number" step="any" value={draft.threshold} onChange={(e) => set('threshold', Number(e.target.value))} />}</Field>
          <Field label="Window (minutes)">{(p) => <Select {...p} value={draft.windowMinutes} onChange={(e) => set('windowMinutes', Number(e.target.value) as AlertRule['windowMinutes'])}>{windows.map((w) => <option key={w} value={w}>{w}</option>)}</Select>}</Field>
          <Field label="Windows in a row">{(p) => <Input {...p} type="number" min={1} max={100} value={draft.consecutive} onChange={(e) => set('consecutive', Number(e.target.value))} />}</Field>
          <Field label="Versions">{(p) => <Select {...p} value={draft.versionRole} onChange={(e) => set('versionRole', e.target.value as AlertRule['versionRole'])}><option value="any">stable and canary</option><option value="stable">stable</option><option value="canary">canary</option></Select>}</Field>
          <Field label="Suggested action">{(p) => <Select {...p} value={draft.action} onChange={(e) => set('action', e.target.value as AlertRule['action'])}><option value="investigate">investigate</option><option value="retrain">retrain</option><option value="rollback">roll back</option></Select>}</Field>
          <div className="flex items-end">
            <Button type="submit" disabled={save.isPending}>Add rule</Button>
          </div>
          {save.isError && <p role="alert" className="text-sm text-danger sm:col-span-4">{save.error.message}</p>}
        </form>
      )}
    </Card>
  );
}
