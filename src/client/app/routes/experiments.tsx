import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { FlaskConical } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Experiment } from '../../../shared/contract/experiments';
import { can } from '../../../shared/permissions';
import { MlflowQuickstart } from '../../components/mlflow-quickstart';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState } from '../../components/ui/empty-state';
import { Input, Select } from '../../components/ui/field';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { authQueries } from '../../features/auth/api/auth.queries';
import { runsQueries } from '../../features/runs/api/runs.queries';
import { ExperimentDialog } from '../../features/runs/components/experiment-dialog';
import { ExperimentsList } from '../../features/runs/components/experiments-list';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const view = search.get('view') === 'deleted' ? 'deleted' : 'active';
  const experiments = useQuery(runsQueries.experiments(q, view));
  const [editing, setEditing] = useState<Experiment | 'new' | null>(null);
  const canWrite = can(session.user.role, 'tracking:write');
  const set = (key: string, value: string) => setSearch((current) => {
    const next = new URLSearchParams(current);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });
  // The box keeps its own text so fast typing never races the URL update; the URL (and the query) follow once typing pauses.
  const [text, setText] = useState(q);
  const settledText = useDebouncedValue(text.trim());
  useEffect(() => {
    if (settledText !== q) set('q', settledText);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a settled change of the text updates the URL
  }, [settledText]);
  const nothingAtAll = experiments.isSuccess && experiments.data.items.length === 0 && !q && view === 'active';
  const onlyDefault = experiments.isSuccess && !q && view === 'active' && experiments.data.items.every((e) => e.runCount === 0) && experiments.data.items.length <= 1;

  return (
    <>
      <PageHeader
        title="Runs"
        description="Experiments and their runs, logged by MLflow clients."
        actions={canWrite && <Button onClick={() => setEditing('new')}>New experiment</Button>}
      />
      <div className="mb-3 flex gap-2">
        <Input aria-label="Search experiments" placeholder="Search experiments" className="max-w-sm" value={text} onChange={(e) => setText(e.target.value)} />
        <Select aria-label="Show" className="w-40" value={view} onChange={(e) => set('view', e.target.value === 'deleted' ? 'deleted' : '')}>
          <option value="active">Active</option>
          <option value="deleted">Deleted</option>
        </Select>
      </div>
      {experiments.isPending ? (
        <Spinner label="Loading experiments" />
      ) : experiments.isError ? (
        <ErrorState error={experiments.error} onRetry={() => experiments.refetch()} />
      ) : nothingAtAll || onlyDefault ? (
        <>
          {onlyDefault && !nothingAtAll && (
            <Card className="mb-4">
              <ExperimentsList experiments={experiments.data.items} canWrite={canWrite} onEdit={setEditing} />
            </Card>
          )}
          <EmptyState title="No runs yet" icon={<FlaskConical />}>
            <p>Point an MLflow client at this server and run your training script; experiments and runs appear here.</p>
            <MlflowQuickstart username={session.user.username} />
          </EmptyState>
        </>
      ) : experiments.data.items.length === 0 ? (
        <EmptyState title={view === 'deleted' ? 'No deleted experiments' : 'No experiment matches'}>
          {q && <p>Nothing is named like “{q}”.</p>}
        </EmptyState>
      ) : (
        <Card>
          <ExperimentsList experiments={experiments.data.items} canWrite={canWrite} onEdit={setEditing} />
        </Card>
      )}
      {editing && <ExperimentDialog key={editing === 'new' ? 'new' : editing.experimentId} experiment={editing === 'new' ? undefined : editing} open onClose={() => setEditing(null)} />}
    </>
  );
}
