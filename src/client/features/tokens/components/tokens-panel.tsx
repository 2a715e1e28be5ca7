import { useQuery } from '@tanstack/react-query';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { formatDateTime } from '../../../lib/format';
import { useRevokeToken } from '../api/tokens.mutations';
import { tokensQueries } from '../api/tokens.queries';
import { NewTokenForm } from './new-token-form';

/** Settings → API tokens: for MLflow clients, CI pipelines and serving systems. */
export function TokensPanel({ username }: { username: string }) {
  const tokens = useQuery(tokensQueries.mine());
  const revoke = useRevokeToken();
  return (
    <Card>
      <CardHeader
        title="API tokens"
        description="Tokens act as you, with your role. Use one as MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN) or as a Bearer token."
      />
      <NewTokenForm username={username} />
      {tokens.isPending ? (
        <Spinner label="Loading tokens" />
      ) : tokens.isError ? (
        <div className="p-5">
          <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
        </div>
      ) : tokens.data.items.length === 0 ? (
        <p className="border-t border-border px-5 py-4 text-sm text-muted-foreground">You have no API tokens yet.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-muted-foreground uppercase">
            <tr>
              <th className="px-5 py-2 font-medium">Name</th>
              <th className="px-5 py-2 font-medium">Token</th>
              <th className="px-5 py-2 font-medium">Created</th>
              <th className="px-5 py-2 font-medium">Last used</th>
              <th className="px-5 py-2" />
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((token) => (
              <tr key={token.id} className="border-t border-border">
                <td className="px-5 py-2 font-medium">{token.name}</td>
                <td className="px-5 py-2 font-mono text-xs">{token.prefix}…</td>
                <td className="px-5 py-2 text-muted-foreground">{formatDateTime(token.createdAt)}</td>
                <td className="px-5 py-2 text-muted-foreground">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}</td>
                <td className="px-5 py-2 text-right">
                  {token.revokedAt ? (
                    <Badge tone="danger">revoked</Badge>
                  ) : token.expiresAt && new Date(token.expiresAt) < new Date() ? (
                    <Badge tone="warning">expired</Badge>
                  ) : (
                    <Button variant="ghost" size="sm" onClick={() => revoke.mutate(token.id)} aria-label={`Revoke ${token.name}`}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
