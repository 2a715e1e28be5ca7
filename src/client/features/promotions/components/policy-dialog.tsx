import { type FormEvent, useState } from 'react';
import type { Policy } from '../../../../shared/contract/promotion-policies';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field, Input } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useSavePolicy } from '../api/promotions.mutations';
import { GateEditor } from './gate-editor';
import { RoleCheckboxes } from './role-checkboxes';

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** Edits an environment's policy, or one model's override of it. */
export function PolicyDialog({ environment, modelName, initial, onClose }: { environment: string; modelName: string | null; initial: Policy; onClose: () => void }) {
  const save = useSavePolicy();
  const [policy, setPolicy] = useState<Policy>(initial);
  const set = <K extends keyof Policy>(key: K) => (value: Policy[K]) => setPolicy((p) => ({ ...p, [key]: value }));
  const setRollback = <K extends keyof Policy['rollback']>(key: K) => (value: Policy['rollback'][K]) => setPolicy((p) => ({ ...p, rollback: { ...p.rollback, [key]: value } }));
  const error = save.error instanceof ApiError ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ environment, modelName, policy }, { onSuccess: onClose });
  };
  return (
    <Dialog open onClose={onClose} title={`Policy for ${modelName ? `${modelName} in ` : ''}${environment}`}>
      <form onSubmit={submit} className="max-h-[70vh] space-y-4 overflow-y-auto pr-1" noValidate>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Required approvals">{(p) => <Input {...p} type="number" min={0} max={10} value={policy.requiredApprovals} onChange={(e) => set('requiredApprovals')(Number(e.target.value))} />}</Field>
          <Field label="Pending requests expire after (hours)">{(p) => <Input {...p} type="number" min={1} value={policy.expiryHours} onChange={(e) => set('expiryHours')(Number(e.target.value))} />}</Field>
        </div>
        <RoleCheckboxes label="Approver roles" permission="promotions:approve" value={policy.approverRoles} onChange={set('approverRoles')} />
        <Check label="Requesters may approve their own requests (not recommended)" checked={policy.requesterMayApprove} onChange={set('requesterMayApprove')} />
        <Check label="Apply automatically once approved" checked={policy.autoApply} onChange={set('autoApply')} />
        <section className="space-y-2">
          <h3 className="text-sm font-medium">Gates</h3>
          <GateEditor gates={policy.gates} onChange={set('gates')} />
        </section>
        <section className="space-y-2 rounded-md border border-border p-3">
          <h3 className="text-sm font-medium">Rollback</h3>
          <RoleCheckboxes label="Who may roll back" permission="promotions:request" value={policy.rollback.allowedRoles} onChange={setRollback('allowedRoles')} />
          <Field label="Approvals for a rollback">{(p) => <Input {...p} type="number" min={0} max={10} value={policy.rollback.requiredApprovals} onChange={(e) => setRollback('requiredApprovals')(Number(e.target.value))} />}</Field>
          <Check label="Break-glass: roll back at once with a written justification" checked={policy.rollback.breakGlass} onChange={setRollback('breakGlass')} />
          <Check label="Notify approvers of break-glass rollbacks" checked={policy.rollback.notifyApprovers} onChange={setRollback('notifyApprovers')} />
        </section>
        {error && <p role="alert" className="text-sm text-danger">{error.message}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={save.isPending}>Save policy</Button>
        </div>
      </form>
    </Dialog>
  );
}
