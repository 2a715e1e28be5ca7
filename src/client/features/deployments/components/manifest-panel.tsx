import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { CodeBlock } from '../../../components/ui/code-block';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { deploymentsQueries } from '../api/deployments.queries';

/** The deployment as a KServe InferenceService, to apply with kubectl or commit to GitOps. */
export function ManifestPanel({ model, environment }: { model: string; environment: string }) {
  const [shown, setShown] = useState(false);
  const manifest = useQuery({ ...deploymentsQueries.manifest(model, environment), enabled: shown });
  if (!shown) {
    return (
      <div className="p-5">
        <Button variant="secondary" onClick={() => setShown(true)}>
          Show KServe manifest
        </Button>
      </div>
    );
  }
  if (manifest.isPending) return <Spinner label="Building the manifest" />;
  if (manifest.isError) return <div className="p-5"><ErrorState error={manifest.error} onRetry={() => manifest.refetch()} /></div>;
  const href = `data:application/yaml;charset=utf-8,${encodeURIComponent(manifest.data.yaml)}`;
  return (
    <div className="space-y-3 p-5">
      <CodeBlock label="KServe manifest" code={manifest.data.yaml} />
      <a className="text-sm font-medium text-primary hover:underline" href={href} download={manifest.data.fileName}>
        Download {manifest.data.fileName}
      </a>
    </div>
  );
}
