import { runStatuses, type RunStatus } from '../../../../shared/contract/runs';
import type { ExperimentKeys } from '../../../../shared/contract/experiments';
import { Input, Select } from '../../../components/ui/field';
import type { RunsViewState } from '../utils/runs-view-state';

/** Status chips, start-time range, lifecycle view and group-by. */
export function RunsToolbar({ state, keys, onChange }: { state: RunsViewState; keys: ExperimentKeys; onChange: (patch: Partial<RunsViewState>) => void }) {
  const toggleStatus = (status: RunStatus) =>
    onChange({ statuses: state.statuses.includes(status) ? state.statuses.filter((s) => s !== status) : [...state.statuses, status] });
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">Status</legend>
        {runStatuses.map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={state.statuses.includes(status)}
            onClick={() => toggleStatus(status)}
            className="rounded-full border border-border px-2 py-0.5 text-xs aria-pressed:border-primary aria-pressed:bg-primary/10 aria-pressed:text-primary"
          >
            {status.toLowerCase()}
          </button>
        ))}
      </fieldset>
      <label className="flex items-center gap-1 text-xs text-muted-foreground">
        From
        <Input type="datetime-local" aria-label="Started after" className="h-8 w-48" value={state.startedAfter} onChange={(e) => onChange({ startedAfter: e.target.value })} />
      </label>
      <label className="flex items-center gap-1 text-xs text-muted-foreground">
        To
        <Input type="datetime-local" aria-label="Started before" className="h-8 w-48" value={state.startedBefore} onChange={(e) => onChange({ startedBefore: e.target.value })} />
      </label>
      <Select aria-label="Lifecycle" className="h-8 !w-36" value={state.view} onChange={(e) => onChange({ view: e.target.value as RunsViewState['view'] })}>
        <option value="active">Active runs</option>
        <option value="deleted">Deleted runs</option>
        <option value="all">All runs</option>
      </Select>
      <Select aria-label="Group by" className="h-8 !w-56" value={state.groupBy} onChange={(e) => onChange({ groupBy: e.target.value })}>
        <option value="">No grouping</option>
        <option value="dataset:">Group by dataset</option>
        {keys.params.map((key) => (
          <option key={`p${key}`} value={`param:${key}`}>{`Group by param ${key}`}</option>
        ))}
        {keys.tags.map((key) => (
          <option key={`t${key}`} value={`tag:${key}`}>{`Group by tag ${key}`}</option>
        ))}
      </Select>
    </div>
  );
}
