import { useState } from 'react';
import type { Deployment } from '../../../../shared/contract/deployments';
import type { RequestDetail } from '../../../../shared/contract/promotions';
import { Button } from '../../../components/ui/button';
import { Field, Input } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useCreateRequest } from '../api/promotions.mutations';

interface CanaryControlsProps {
  deployment: Pick<Deployment, 'modelName' | 'environment' | 'canaryVersion' | 'canaryWeight'>;
  nextStep: number | null;
  onChanged?: (detail: RequestDetail) => void;
}

/** Step a running canary up, promote it to 100 %, or abort it; each with a reason, applied at once. */
export function CanaryControls({ deployment, nextStep, onChanged }: CanaryControlsProps) {
  const create = useCreateRequest(onChanged);
  const [why, setWhy] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;
  const run = (kind: 'canary-step' | 'canary-promote' | 'canary-abort') =>
    create.mutate(
      { kind, modelName: deployment.modelName, environment: deployment.environment, justification: why },
      { onSuccess: () => setWhy('') },
    );
  const outcome = create.data?.request;
  return (
    <div className="space-y-3 p-5">
      <p className="text-sm">
        v{deployment.canaryVersion} serves <strong>{deployment.canaryWeight} %</strong> of traffic.
      </p>
      <Field label="Reason for the change" error={error?.fieldMessage('justification')}>
        {(props) => <Input {...props} value={why} placeholder="e.g. error rate flat for an hour" onChange={(e) => setWhy(e.target.value)} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        {nextStep !== null && (
          <Button onClick={() => run('canary-step')} disabled={create.isPending}>
            Step up to {nextStep} %
          </Button>
        )}
        <Button variant="secondary" onClick={() => run('canary-promote')} disabled={create.isPending}>
          Promote to 100 %
        </Button>
        <Button variant="danger" onClick={() => run('canary-abort')} disabled={create.isPending}>
          Abort canary
        </Button>
      </div>
      {error && !error.details.length && <p role="alert" className="text-sm text-danger">{error.message}</p>}
      {outcome && (
        <p role="status" className={outcome.state === 'applied' ? 'text-sm text-success' : 'text-sm text-danger'}>
          {outcome.state === 'applied' ? `Applied: ${outcome.kind.replace('canary-', 'canary ')}` : (outcome.failureReason ?? `Request #${outcome.id} is ${outcome.state}`)}
        </p>
      )}
    </div>
  );
}
