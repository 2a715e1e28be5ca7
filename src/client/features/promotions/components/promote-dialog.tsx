import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Strategy } from '../../../../shared/contract/deployments';
import type { RequestDetail } from '../../../../shared/contract/promotions';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field, Input, Select, Textarea } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useCreateRequest } from '../api/promotions.mutations';
import { promotionsQueries } from '../api/promotions.queries';
import { parseCanarySteps } from '../utils/describe-request';
import { GatePreview } from './gate-preview';
import { RequestOutcome } from './request-outcome';
import { VersionPicker } from './version-picker';

export interface PromoteDialogProps {
  open: boolean;
  onClose: () => void;
  /** Given when opened from a model version; otherwise the dialog offers a picker. */
  modelName?: string;
  version?: number;
  environment?: string;
  /** After a request is made (e.g. to refresh deployments, which may have moved). */
  onRequested?: (detail: RequestDetail) => void;
}

/**
 * Promote a model version: environment, strategy (direct, blue-green, canary with steps) and a
 * justification. The environment's gates run at once and show their numbers; submitting records
 * the request (pending, applied, or failed with the reason).
 */
export function PromoteDialog({ open, onClose, modelName: fixedModel, version: fixedVersion, environment: initialEnvironment, onRequested }: PromoteDialogProps) {
  const environments = useQuery({ ...promotionsQueries.environments(), enabled: open });
  const create = useCreateRequest(onRequested);
  const [target, setTarget] = useState({ modelName: fixedModel ?? '', version: fixedVersion ?? null as number | null });
  const [environment, setEnvironment] = useState(initialEnvironment ?? '');
  const [strategy, setStrategy] = useState<Strategy>('direct');
  const [stepsText, setStepsText] = useState('10, 25, 50, 100');
  const [justification, setJustification] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;
  const steps = parseCanarySteps(stepsText);
  const ready = target.modelName && target.version !== null && environment;

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || (strategy === 'canary' && 'error' in steps)) return;
    create.mutate({
      kind: 'promote', modelName: target.modelName, version: target.version!, environment, strategy, justification,
      ...(strategy === 'canary' && 'steps' in steps && { canarySteps: steps.steps }),
    });
  };

  return (
    <Dialog open={open} onClose={close} title="Promote a version">
      {create.data ? (
        <div className="space-y-4">
          <RequestOutcome detail={create.data} />
          <div className="flex justify-end"><Button onClick={close}>Done</Button></div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          {fixedModel && fixedVersion ? (
            <p className="text-sm">Version <strong>{fixedModel} v{fixedVersion}</strong></p>
          ) : (
            <VersionPicker modelName={target.modelName} version={target.version} onChange={setTarget} />
          )}
          <div className="grid grid-cols-2 gap-3">
            <Field label="Environment">
              {(props) => (
                <Select {...props} value={environment} onChange={(e) => setEnvironment(e.target.value)}>
                  <option value="">Choose…</option>
                  {(environments.data?.items ?? []).map((env) => <option key={env.name} value={env.name}>{env.name}</option>)}
                </Select>
              )}
            </Field>
            <Field label="Strategy">
              {(props) => (
                <Select {...props} value={strategy} onChange={(e) => setStrategy(e.target.value as Strategy)}>
                  <option value="direct">Direct</option>
                  <option value="blue-green">Blue-green</option>
                  <option value="canary">Canary</option>
                </Select>
              )}
            </Field>
          </div>
          {strategy === 'canary' && (
            <Field label="Canary steps (%)" error={'error' in steps ? steps.error : error?.fieldMessage('canarySteps')} hint="Traffic weights to go through; the last is 100.">
              {(props) => <Input {...props} value={stepsText} onChange={(e) => setStepsText(e.target.value)} />}
            </Field>
          )}
          <Field label="Justification" error={error?.fieldMessage('justification')} hint="Why this version, why now: approvers read this first.">
            {(props) => <Textarea {...props} value={justification} onChange={(e) => setJustification(e.target.value)} />}
          </Field>
          <section aria-label="Gates">
            <h3 className="mb-2 text-sm font-medium">Gates</h3>
            <GatePreview input={ready ? { modelName: target.modelName, environment, version: target.version! } : null} />
          </section>
          {error && !error.details.length && <p role="alert" className="text-sm text-danger">{error.message}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>Cancel</Button>
            <Button type="submit" disabled={!ready || create.isPending}>Request promotion</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
