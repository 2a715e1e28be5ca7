import { useState } from 'react';
import type { Experiment } from '../../../../shared/contract/experiments';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field, Input, Textarea } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useExperimentMutations } from '../api/experiments.mutations';

/** Create an experiment, or rename one and edit its description (markdown). */
export function ExperimentDialog({ experiment, open, onClose }: { experiment?: Experiment; open: boolean; onClose: () => void }) {
  const mutations = useExperimentMutations();
  const [name, setName] = useState(experiment?.name ?? '');
  const [description, setDescription] = useState(experiment?.description ?? '');
  const mutation = experiment ? mutations.update : mutations.create;
  const error = mutation.error instanceof ApiError ? mutation.error : undefined;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const done = { onSuccess: onClose };
    if (experiment) {
      mutations.update.mutate(
        { experimentId: experiment.experimentId, ...(name !== experiment.name && { name }), ...(description !== (experiment.description ?? '') && { description }) },
        done,
      );
    } else mutations.create.mutate({ name, ...(description && { description }) }, done);
  };
  return (
    <Dialog open={open} onClose={onClose} title={experiment ? `Edit ${experiment.name}` : 'New experiment'}>
      <form onSubmit={submit} className="space-y-3">
        <Field label="Name" error={error?.fieldMessage('name') ?? (error && !error.fieldMessage('description') ? error.message : undefined)}>
          {(props) => <Input {...props} value={name} onChange={(e) => setName(e.target.value)} required maxLength={500} />}
        </Field>
        <Field label="Description" hint="Markdown; links and formatting are kept, scripts are removed.">
          {(props) => <Textarea {...props} value={description} onChange={(e) => setDescription(e.target.value)} rows={5} />}
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={mutation.isPending || !name.trim()}>{experiment ? 'Save' : 'Create'}</Button>
        </div>
      </form>
    </Dialog>
  );
}
