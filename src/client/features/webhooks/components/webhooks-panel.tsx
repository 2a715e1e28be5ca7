import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { useDeleteWebhook, useTestWebhook, useUpdateWebhook } from '../api/webhooks.mutations';
import { webhooksQueries } from '../api/webhooks.queries';
import { CreateWebhookDialog } from './create-webhook-dialog';
import { DeliveryLog } from './delivery-log';

/** Settings → Webhooks (admins): signed notifications of promotions, deployments and canaries. */
export function WebhooksPanel() {
  const webhooks = useQuery(webhooksQueries.list());
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const test = useTestWebhook();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card>
      <CardHeader
        title="Webhooks"
        description="Events are written to an outbox with the change and delivered with retries, signed with HMAC-SHA256."
        actions={<Button onClick={() => setCreating(true)}>Add webhook</Button>}
      />
      {webhooks.isPending ? (
        <Spinner label="Loading webhooks" />
      ) : webhooks.isError ? (
        <div className="p-5"><ErrorState error={webhooks.error} onRetry={() => webhooks.refetch()} /></div>
      ) : webhooks.data.items.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted-foreground">No webhooks yet.</p>
      ) : (
        <ul className="divide-y divide-border">
          {webhooks.data.items.map((w) => (
            <li key={w.id} className="space-y-3 px-5 py-3 text-sm" aria-label={`Webhook ${w.name}`}>
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div>
                  <p className="font-medium">
                    {w.name} {w.enabled ? <Badge tone="success">enabled</Badge> : <Badge>disabled</Badge>}
                  </p>
                  <p className="font-mono text-xs text-muted-foreground">{w.url}</p>
                  <p className="text-xs text-muted-foreground">{w.events.length ? w.events.join(', ') : 'all events'}</p>
                </div>
                <div className="flex gap-1">
                  <Button variant="ghost" size="sm" onClick={() => setOpen(open === w.id ? null : w.id)}>{open === w.id ? 'Hide deliveries' : 'Deliveries'}</Button>
                  <Button variant="ghost" size="sm" onClick={() => test.mutate(w.id)}>Send test</Button>
                  <Button variant="ghost" size="sm" onClick={() => update.mutate({ webhookId: w.id, enabled: !w.enabled })}>{w.enabled ? 'Disable' : 'Enable'}</Button>
                  <Button variant="ghost" size="sm" onClick={() => remove.mutate(w.id)} aria-label={`Delete ${w.name}`}>Delete</Button>
                </div>
              </div>
              {open === w.id && <DeliveryLog webhookId={w.id} />}
            </li>
          ))}
        </ul>
      )}
      <CreateWebhookDialog open={creating} onClose={() => setCreating(false)} knownEvents={webhooks.data?.knownEvents ?? []} />
    </Card>
  );
}
