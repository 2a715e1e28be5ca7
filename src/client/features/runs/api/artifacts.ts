import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';

/**
 * The run's artifacts through the MLflow routes the server already has: `artifacts/list` (JSON)
 * and `/get-artifact` (bytes). They are MLflow's, not the native contract, so parsed here.
 */
const listingSchema = z.object({
  root_uri: z.string().optional(),
  files: z.array(z.object({ path: z.string(), is_dir: z.boolean().optional(), file_size: z.coerce.number().optional() })).default([]),
  next_page_token: z.string().optional(),
});
export type ArtifactFile = z.infer<typeof listingSchema>['files'][number];

export const artifactUrl = (runId: string, path: string) => `/get-artifact?run_id=${encodeURIComponent(runId)}&path=${encodeURIComponent(path)}`;

async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(new URL(url, window.location.origin), { credentials: 'same-origin', headers: { accept: 'application/json' }, signal });
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok) throw new Error(body.message ?? `The server answered ${response.status}`);
  return body;
}

/** Up to this many bytes of a file are read for a preview. */
export const previewBytes = 256 * 1024;

export const artifactQueries = {
  list: (runId: string, path: string) =>
    queryOptions({
      queryKey: ['runs', 'artifacts', runId, path] as const,
      queryFn: async ({ signal }) => {
        const url = `/api/2.0/mlflow/artifacts/list?run_id=${encodeURIComponent(runId)}${path ? `&path=${encodeURIComponent(path)}` : ''}`;
        return listingSchema.parse(await getJson(url, signal)).files;
      },
    }),
  text: (runId: string, path: string) =>
    queryOptions({
      queryKey: ['runs', 'artifact-text', runId, path] as const,
      queryFn: async ({ signal }) => {
        const response = await fetch(new URL(artifactUrl(runId, path), window.location.origin), { credentials: 'same-origin', signal });
        if (!response.ok) throw new Error(`The server answered ${response.status}`);
        return readHead(response, previewBytes);
      },
    }),
};

/** The first `limit` bytes of a body as text; the rest is never downloaded (a 2 GB CSV previews fast). */
async function readHead(response: Response, limit: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= limit) {
      await reader.cancel();
      break;
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(bytes.subarray(0, limit)), truncated: size >= limit };
}
