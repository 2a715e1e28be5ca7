import { useSuspenseQuery } from '@tanstack/react-query';
import { authQueries } from '../../../features/auth/api/auth.queries';
import { TokensPanel } from '../../../features/tokens/components/tokens-panel';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  return <TokensPanel username={session.user.username} />;
}
