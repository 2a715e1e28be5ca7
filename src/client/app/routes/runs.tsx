import { useSuspenseQuery } from '@tanstack/react-query';
import { FlaskConical } from 'lucide-react';
import { MlflowQuickstart } from '../../components/mlflow-quickstart';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { authQueries } from '../../features/auth/api/auth.queries';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  return (
    <>
      <PageHeader title="Runs" description="Experiments and their runs, logged by MLflow clients." />
      <EmptyState title="No experiments yet" icon={<FlaskConical />}>
        <p>Point an MLflow client at this server and run your training script; experiments and runs appear here.</p>
        <MlflowQuickstart username={session.user.username} />
      </EmptyState>
    </>
  );
}
