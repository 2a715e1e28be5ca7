import { type FormEvent, useState } from 'react';
import { minBreakGlassJustification } from '../../../../shared/contract/promotion-policies';
import type { RequestDetail } from '../../../../shared/contract/promotions';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field, Textarea } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useCreateRequest } from '../api/promotions.mutations';
import { RequestOutcome } from './request-outcome';

interface RollbackDialogProps {
  open: boolean;
  onClose: () => void;
  modelName: string;
  environment: string;
  /** The last known-good version (or the stable one, off a running canary). */
  target: number;
  onChanged?: (detail: RequestDetail) => void;
}

/** Roll back to the last known-good version; break-glass applies at once, audited, approvers notified. */
export function RollbackDialog({ open, onClose, modelName, environment, target, onChanged }: RollbackDialogProps) {
  const create = useCreateRequest(onChanged);
  const [justification, setJustification] = useState('');
  const [breakGlass, setBreakGlass] = useState(true);
  const error = create.error instanceof ApiError ? create.error : null;
  const tooShort = breakGlass && justification.trim().length < minBreakGlassJustification;
  const close = () => {
    create.reset();
    setJustification('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ kind: 'rollback', modelName, environment, version: target, breakGlass, justification });
  };
  return (
    <Dialog open={open} onClose={close} title={`Roll back ${modelName} in ${environment}`}>
      {create.data ? (
        <div className="space-y-4">
          <RequestOutcome detail={create.data} />
          <div className="flex justify-end"><Button onClick={close}>Done</Button></div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <p className="text-sm">
            Serve <strong>v{target}</strong> again, as the only version (any canary stops).
          </p>
          <Field label="Justification" error={error?.fieldMessage('justification')} hint={breakGlass ? `What went wrong, at least ${minBreakGlassJustification} characters: it goes to the audit trail and to the approvers.` : undefined}>
            {(props) => <Textarea {...props} value={justification} onChange={(e) => setJustification(e.target.value)} />}
          </Field>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-1" checked={breakGlass} onChange={(e) => setBreakGlass(e.target.checked)} />
            <span>Break glass: apply now without waiting for approval (if the policy allows it). Approvers are notified.</span>
          </label>
          {error && !error.details.length && <p role="alert" className="text-sm text-danger">{error.message}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>Cancel</Button>
            <Button type="submit" variant="danger" disabled={create.isPending || tooShort || justification.trim().length < 3}>
              {breakGlass ? `Roll back to v${target} now` : `Request rollback to v${target}`}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
