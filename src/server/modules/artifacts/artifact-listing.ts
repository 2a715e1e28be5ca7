import { canonicalArtifactPath, joinArtifactPath } from './artifact-path';
import type { ArtifactStore } from './artifact-store';

/** MLflow's FileInfo, with paths relative to the listed root (a run's or a logged model's). */
export interface FileInfo {
  path: string;
  is_dir: boolean;
  file_size?: number;
}

/** One page of a directory under `root`, for `artifacts/list` and logged-model directory listings. */
export async function listArtifactsUnder(store: ArtifactStore, root: string, relativeDir: string, pageToken?: string) {
  const relative = canonicalArtifactPath(relativeDir, { allowRoot: true });
  const page = await store.list(joinArtifactPath(root, relative), { pageToken: pageToken || undefined });
  const files: FileInfo[] = page.entries.map((entry) => {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    return entry.isDir ? { path, is_dir: true } : { path, is_dir: false, file_size: entry.size };
  });
  return { files, nextPageToken: page.nextPageToken };
}
