import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Environment } from '../../../../shared/contract/deployments';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { deploymentsQueries } from '../api/deployments.queries';
import { EnvironmentDialog } from './environment-dialog';

/** Settings → Environments (admins): order, protection and the aliases each one owns. */
export function EnvironmentsPanel() {
  const environments = useQuery(deploymentsQueries.environments());
  const [editing, setEditing] = useState<Environment | 'new' | null>(null);
  const items = environments.data?.items ?? [];
  return (
    <Card>
      <CardHeader
        title="Environments"
        description="Where models serve. Aliases an environment owns can only be moved by promotions."
        actions={<Button onClick={() => setEditing('new')}>Add environment</Button>}
      />
      {environments.isPending ? (
        <Spinner label="Loading environments" />
      ) : environments.isError ? (
        <div className="p-5"><ErrorState error={environments.error} onRetry={() => environments.refetch()} /></div>
      ) : (
        <ul className="divide-y divide-border">
          {items.map((env) => (
            <li key={env.name} className="flex items-center justify-between gap-4 px-5 py-3 text-sm">
              <div>
                <p className="font-medium">
                  {env.order}. {env.name} {env.protected && <Badge tone="info">protected</Badge>}
                </p>
                <p className="text-muted-foreground">
                  Owns {env.ownedAliases.length ? env.ownedAliases.map((a) => `@${a}`).join(', ') : 'no aliases'}
                  {env.description && ` · ${env.description}`}
                </p>
              </div>
              <Button variant="ghost" size="sm" onClick={() => setEditing(env)} aria-label={`Edit ${env.name}`}>
                Edit
              </Button>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <EnvironmentDialog
          environment={editing === 'new' ? null : editing}
          nextOrder={Math.max(0, ...items.map((e) => e.order)) + 1}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
