import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { CodeBlock } from '../../../components/ui/code-block';
import { Dialog } from '../../../components/ui/dialog';
import { Field, Input } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useCreateWebhook } from '../api/webhooks.mutations';

/** Adds a webhook; its signing secret is shown here once and never again. */
export function CreateWebhookDialog({ open, onClose, knownEvents }: { open: boolean; onClose: () => void; knownEvents: string[] }) {
  const create = useCreateWebhook();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;
  const close = () => {
    create.reset();
    setName('');
    setUrl('');
    setEvents('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, url, enabled: true, events: events.split(',').map((e) => e.trim()).filter(Boolean) });
  };
  return (
    <Dialog open={open} onClose={close} title="Add webhook">
      {create.data ? (
        <div role="status" className="space-y-3 text-sm">
          <p className="font-medium">Webhook “{create.data.webhook.name}” added. Copy its signing secret now: it will not be shown again.</p>
          <CodeBlock label="webhook signing secret" code={create.data.secret} />
          <p className="text-muted-foreground">
            Each delivery carries <code>X-Sextant-Timestamp</code> and <code>X-Sextant-Signature: v1=HMAC-SHA256(secret, timestamp + "." + body)</code>.
          </p>
          <div className="flex justify-end"><Button onClick={close}>Done</Button></div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <Field label="Name" error={error?.fieldMessage('name')}>{(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
          <Field label="URL" error={error?.fieldMessage('url')} hint="Only hosts the server allows (SEXTANT_WEBHOOK_ALLOWED_HOSTS); never loopback, private or metadata addresses unless configured.">
            {(p) => <Input {...p} value={url} placeholder="https://hooks.example.com/sextant" onChange={(e) => setUrl(e.target.value)} />}
          </Field>
          <Field label="Events" error={error?.fieldMessage('events')} hint={`Comma-separated; empty for all. e.g. promotion.*, ${knownEvents.slice(7, 9).join(', ')}`}>
            {(p) => <Input {...p} value={events} onChange={(e) => setEvents(e.target.value)} />}
          </Field>
          {error && !['name', 'url', 'events'].some((f) => error.fieldMessage(f)) && <p role="alert" className="text-sm text-danger">{error.message}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>Cancel</Button>
            <Button type="submit" disabled={create.isPending}>Add webhook</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
