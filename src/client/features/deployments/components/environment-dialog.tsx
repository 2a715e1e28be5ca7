import { type FormEvent, useState } from 'react';
import type { Environment } from '../../../../shared/contract/deployments';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field, Input } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useCreateEnvironment, useUpdateEnvironment } from '../api/deployments.mutations';

const splitList = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

/** Creates an environment, or edits one (its name stays: deployments and history refer to it). */
export function EnvironmentDialog({ environment, nextOrder, onClose }: { environment: Environment | null; nextOrder: number; onClose: () => void }) {
  const create = useCreateEnvironment();
  const update = useUpdateEnvironment();
  const mutation = environment ? update : create;
  const [name, setName] = useState(environment?.name ?? '');
  const [order, setOrder] = useState(String(environment?.order ?? nextOrder));
  const [isProtected, setProtected] = useState(environment?.protected ?? true);
  const [aliases, setAliases] = useState(environment?.ownedAliases.join(', ') ?? '');
  const [description, setDescription] = useState(environment?.description ?? '');
  const error = mutation.error instanceof ApiError ? mutation.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { order: Number(order), protected: isProtected, ownedAliases: splitList(aliases), description: description.trim() || null };
    if (environment) update.mutate({ environment: environment.name, ...fields }, { onSuccess: onClose });
    else create.mutate({ name, ...fields }, { onSuccess: onClose });
  };

  return (
    <Dialog open onClose={onClose} title={environment ? `Edit ${environment.name}` : 'Add environment'}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        {!environment && (
          <Field label="Name" error={error?.fieldMessage('name')} hint="Lowercase, e.g. canary-eu">
            {(props) => <Input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
        )}
        <Field label="Order" hint="Environments are listed (and promoted through) in this order">
          {(props) => <Input {...props} type="number" min={0} value={order} onChange={(e) => setOrder(e.target.value)} />}
        </Field>
        <Field label="Owned aliases" error={error?.fieldMessage('ownedAliases')} hint="Comma-separated; only promotions move them. An alias ending in -canary follows the canary.">
          {(props) => <Input {...props} value={aliases} onChange={(e) => setAliases(e.target.value)} />}
        </Field>
        <Field label="Description">{(props) => <Input {...props} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={isProtected} onChange={(e) => setProtected(e.target.checked)} /> Protected (new environments get a policy with one approval)
        </label>
        {error && !error.details.length && <p role="alert" className="text-sm text-danger">{error.message}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={mutation.isPending}>{environment ? 'Save' : 'Add environment'}</Button>
        </div>
      </form>
    </Dialog>
  );
}
