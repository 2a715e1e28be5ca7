import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { monitoringQueries } from '../api/monitoring.queries';
import { useUploadReference } from '../api/monitoring.mutations';

/** A version's reference profile: what it was built from, and an upload to replace it. */
export function ReferenceUpload({ modelName, version }: { modelName: string; version: string }) {
  const id = useId();
  const reference = useQuery(monitoringQueries.reference(modelName, version));
  const upload = useUploadReference(modelName, version);
  const profile = reference.data?.profile;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span className="font-medium">Version {version}</span>
      <span className="text-muted-foreground">
        {profile ? `reference: ${profile.sourceName}, ${profile.rowCount} rows, ${profile.features.length} features` : 'no reference profile'}
      </span>
      <label htmlFor={id} className="cursor-pointer rounded-md border border-border px-3 py-1 text-xs font-medium hover:bg-muted">
        Upload reference for v{version}
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,.parquet,text/csv"
        aria-label={`Reference file for version ${version}`}
        className="sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
          e.target.value = '';
        }}
      />
      {upload.isPending && <span className="text-muted-foreground">Profiling…</span>}
      {upload.isError && <span role="alert" className="text-danger">{upload.error.message}</span>}
      {upload.isSuccess && <span role="status" className="text-success">Reference profile built from {upload.data.rowCount} rows.</span>}
    </div>
  );
}
