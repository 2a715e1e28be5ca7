import { Link } from 'react-router';
import type { Experiment } from '../../../../shared/contract/experiments';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useExperimentMutations } from '../api/experiments.mutations';

/** Experiments with run counts and last activity; write actions only for those who may. */
export function ExperimentsList({ experiments, canWrite, onEdit }: { experiments: Experiment[]; canWrite: boolean; onEdit: (experiment: Experiment) => void }) {
  const { remove, restore } = useExperimentMutations();
  return (
    <table className="w-full text-sm" aria-label="Experiments">
      <thead className="bg-muted text-left text-xs text-muted-foreground">
        <tr>
          <th className="px-4 py-2">Name</th>
          <th className="px-4 py-2 text-right">Runs</th>
          <th className="px-4 py-2">Last run</th>
          <th className="px-4 py-2">Tags</th>
          {canWrite && <th className="px-4 py-2"><span className="sr-only">Actions</span></th>}
        </tr>
      </thead>
      <tbody>
        {experiments.map((experiment) => (
          <tr key={experiment.experimentId} className="border-t border-border">
            <td className="px-4 py-2">
              <Link to={paths.experiment.href(experiment.experimentId)} className="font-medium text-primary hover:underline">{experiment.name}</Link>
              {experiment.lifecycleStage === 'deleted' && <Badge tone="danger" className="ml-2">deleted</Badge>}
              {experiment.description && <p className="line-clamp-1 text-xs text-muted-foreground">{experiment.description.replace(/[#*_`>[\]]/g, '')}</p>}
            </td>
            <td className="px-4 py-2 text-right tabular-nums">{experiment.runCount.toLocaleString('en-US')}</td>
            <td className="px-4 py-2 text-muted-foreground">{experiment.lastRunTime ? formatDateTime(experiment.lastRunTime) : '—'}</td>
            <td className="px-4 py-2">
              {experiment.tags.filter((t) => !t.key.startsWith('mlflow.')).slice(0, 3).map((t) => (
                <Badge key={t.key} className="mr-1">{`${t.key}: ${t.value}`}</Badge>
              ))}
            </td>
            {canWrite && (
              <td className="px-4 py-2 text-right whitespace-nowrap">
                {experiment.lifecycleStage === 'active' ? (
                  <>
                    <Button size="sm" variant="ghost" onClick={() => onEdit(experiment)} aria-label={`Edit ${experiment.name}`}>Edit</Button>
                    {experiment.experimentId !== '0' && (
                      <Button size="sm" variant="ghost" onClick={() => remove.mutate(experiment)} aria-label={`Delete ${experiment.name}`}>Delete</Button>
                    )}
                  </>
                ) : (
                  <Button size="sm" variant="ghost" onClick={() => restore.mutate(experiment)} aria-label={`Restore ${experiment.name}`}>Restore</Button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
