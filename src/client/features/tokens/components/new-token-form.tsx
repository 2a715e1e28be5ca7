import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { CodeBlock } from '../../../components/ui/code-block';
import { Field, Input, Select } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useCreateToken } from '../api/tokens.mutations';

const expiryChoices = [
  { label: 'Never', days: null },
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: '1 year', days: 365 },
];

/** Creates a token and shows its secret once, with the lines that use it. */
export function NewTokenForm({ username }: { username: string }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('0');
  const error = create.error instanceof ApiError ? create.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, expiresInDays: expiryChoices[Number(expiry)]?.days ?? null }, { onSuccess: () => setName('') });
  };

  return (
    <div className="space-y-4 p-5">
      <form onSubmit={submit} className="grid grid-cols-1 items-end gap-3 sm:grid-cols-[1fr_10rem_auto]" noValidate>
        <Field label="Token name" error={error?.fieldMessage('name') ?? (error && !error.details.length ? error.message : undefined)}>
          {(props) => <Input {...props} placeholder="e.g. training laptop" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Expires">
          {(props) => (
            <Select {...props} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
              {expiryChoices.map((choice, index) => (
                <option key={choice.label} value={index}>
                  {choice.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" disabled={create.isPending}>
          Create token
        </Button>
      </form>
      {create.data && (
        <div role="status" className="space-y-2 rounded-md border border-success/40 bg-success/5 p-4 text-sm">
          <p className="font-medium">
            Token “{create.data.token.name}” created. Copy it now: it will not be shown again.
          </p>
          <CodeBlock label="new API token" code={create.data.secret} />
          <p className="text-muted-foreground">Use it from an MLflow client:</p>
          <CodeBlock
            label="MLflow environment"
            code={`export MLFLOW_TRACKING_URI=${window.location.origin}\nexport MLFLOW_TRACKING_USERNAME=${username}\nexport MLFLOW_TRACKING_PASSWORD=${create.data.secret}`}
          />
        </div>
      )}
    </div>
  );
}
