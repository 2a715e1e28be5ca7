import { useQuery } from '@tanstack/react-query';
import { File, Folder } from 'lucide-react';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { cn } from '../../../components/ui/cn';
import { artifactQueries } from '../api/artifacts';
import { ArtifactPreview } from './artifact-preview';

/**
 * The run's artifacts: a folder listing on the left (one level at a time, as the store lists
 * them), the chosen file's preview on the right. `path` is the URL's, so a preview can be shared.
 */
export function ArtifactBrowser({ runId, path, onPath }: { runId: string; path: string; onPath: (path: string) => void }) {
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const listing = useQuery(artifactQueries.list(runId, folder));
  const opened = listing.data?.find((f) => f.path === path);
  const isFolder = path !== '' && (opened?.is_dir ?? false);
  const dirListing = useQuery({ ...artifactQueries.list(runId, path), enabled: isFolder || path === '' });
  const current = isFolder || path === '' ? dirListing : listing;
  const parent = isFolder ? path : folder;
  return (
    <div className="grid gap-4 md:grid-cols-[280px_1fr]">
      <nav aria-label="Artifacts" className="rounded-md border border-border">
        <p className="border-b border-border px-3 py-2 font-mono text-xs text-muted-foreground">/{parent}</p>
        {current.isPending ? (
          <Spinner label="Listing artifacts" />
        ) : current.isError ? (
          <ErrorState error={current.error} />
        ) : (
          <ul className="py-1 text-sm">
            {parent && (
              <li>
                <button type="button" className="w-full px-3 py-1 text-left hover:bg-muted" onClick={() => onPath(parent.includes('/') ? parent.slice(0, parent.lastIndexOf('/')) : '')}>..</button>
              </li>
            )}
            {current.data.length === 0 && <li className="px-3 py-2 text-muted-foreground">No artifacts logged.</li>}
            {current.data.map((file) => (
              <li key={file.path}>
                <button type="button" onClick={() => onPath(file.path)} className={cn('flex w-full items-center gap-2 px-3 py-1 text-left hover:bg-muted', file.path === path && 'bg-primary/10')}>
                  {file.is_dir ? <Folder className="size-4 text-muted-foreground" /> : <File className="size-4 text-muted-foreground" />}
                  <span className="truncate">{file.path.slice(file.path.lastIndexOf('/') + 1)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </nav>
      {path && !isFolder && opened ? <ArtifactPreview runId={runId} path={path} size={opened.file_size} /> : <p className="text-sm text-muted-foreground">Choose a file to preview it.</p>}
    </div>
  );
}
