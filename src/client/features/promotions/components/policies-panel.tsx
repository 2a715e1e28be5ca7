import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Policy, PolicyEntry } from '../../../../shared/contract/promotion-policies';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { Input } from '../../../components/ui/field';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { useDeletePolicyOverride } from '../api/promotions.mutations';
import { promotionsQueries } from '../api/promotions.queries';
import { PolicyDialog } from './policy-dialog';

const summary = (p: Policy) =>
  [
    p.requiredApprovals === 0 ? 'no approval' : `${p.requiredApprovals} approval${p.requiredApprovals === 1 ? '' : 's'} by ${p.approverRoles.join('/')}`,
    `${p.gates.length} gate${p.gates.length === 1 ? '' : 's'}`,
    p.autoApply ? 'auto-apply' : 'manual apply',
    p.rollback.breakGlass ? `break-glass rollback (${p.rollback.allowedRoles.join('/')})` : 'no break-glass',
  ].join(' · ');

type Editing = { environment: string; modelName: string | null; policy: Policy };

/** Settings → Policies (admins): each environment's policy and the per-model overrides. */
export function PoliciesPanel() {
  const policies = useQuery(promotionsQueries.policies());
  const remove = useDeletePolicyOverride();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [overrideModel, setOverrideModel] = useState<Record<string, string>>({});
  const byEnvironment = (items: PolicyEntry[]) => items.filter((p) => p.modelName === null);
  return (
    <Card>
      <CardHeader title="Promotion policies" description="Approvals, gates and rollback rules per environment; a model may override its environment’s policy." />
      {policies.isPending ? (
        <Spinner label="Loading policies" />
      ) : policies.isError ? (
        <div className="p-5"><ErrorState error={policies.error} onRetry={() => policies.refetch()} /></div>
      ) : (
        <ul className="divide-y divide-border">
          {byEnvironment(policies.data.items).map((entry) => (
            <li key={entry.scope} className="space-y-2 px-5 py-3 text-sm" aria-label={`${entry.environment} policy`}>
              <div className="flex items-center justify-between gap-4">
                <div>
                  <p className="font-medium">{entry.environment}</p>
                  <p className="text-muted-foreground">{summary(entry.policy)}</p>
                </div>
                <Button variant="secondary" size="sm" aria-label={`Edit ${entry.environment} policy`} onClick={() => setEditing({ environment: entry.environment, modelName: null, policy: entry.policy })}>Edit</Button>
              </div>
              {policies.data.items.filter((o) => o.environment === entry.environment && o.modelName).map((o) => (
                <div key={o.scope} className="ml-4 flex items-center justify-between gap-4 border-l-2 border-border pl-3">
                  <p><span className="font-medium">{o.modelName}</span> <span className="text-muted-foreground">{summary(o.policy)}</span></p>
                  <div className="flex gap-1">
                    <Button variant="ghost" size="sm" onClick={() => setEditing({ environment: o.environment, modelName: o.modelName, policy: o.policy })}>Edit</Button>
                    <Button variant="ghost" size="sm" onClick={() => remove.mutate({ environment: o.environment, modelName: o.modelName! })}>Remove</Button>
                  </div>
                </div>
              ))}
              <div className="ml-4 flex items-center gap-2">
                <div className="w-64">
                  <Input aria-label={`Model to override in ${entry.environment}`} placeholder="Model name" className="h-8 text-sm" value={overrideModel[entry.environment] ?? ''} onChange={(e) => setOverrideModel({ ...overrideModel, [entry.environment]: e.target.value })} />
                </div>
                <Button variant="ghost" size="sm" disabled={!overrideModel[entry.environment]} onClick={() => setEditing({ environment: entry.environment, modelName: overrideModel[entry.environment]!.trim(), policy: entry.policy })}>Override for a model</Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing && <PolicyDialog key={`${editing.environment}/${editing.modelName}`} {...editing} initial={editing.policy} onClose={() => setEditing(null)} />}
    </Card>
  );
}
