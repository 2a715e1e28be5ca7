import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { invalidParameter, notFound } from '../../errors';
import { artifactBaseName } from './artifact-path';
import type { ArtifactStore } from './artifact-store';

/**
 * Serving artifact bytes safely (CVE-2023-6568 class): always as an attachment, with a
 * Content-Type chosen from a short allowlist by extension (never from the request, never an
 * active type such as HTML or SVG), `nosniff`, and a sandboxing CSP in case a browser renders it.
 */
const text = 'text/plain; charset=utf-8';
const typesByExtension: Record<string, string> = {
  txt: text, log: text, md: text, yaml: text, yml: text, py: text, cfg: text, ini: text, toml: text, r: text,
  // Markup and scripts are shown as text, never executed.
  html: text, htm: text, svg: text, xml: text, js: text, mjs: text,
  json: 'application/json', csv: 'text/csv; charset=utf-8', tsv: 'text/tab-separated-values; charset=utf-8',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp',
  pdf: 'application/pdf',
};
/** Extension-less files MLflow writes are text (MLmodel, MLproject). */
const textNames = new Set(['MLmodel', 'MLproject']);

export function safeContentType(name: string): string {
  if (textNames.has(name)) return text;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return Object.hasOwn(typesByExtension, extension) ? (typesByExtension[extension] as string) : 'application/octet-stream';
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'artifact';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Streams a stored file to the client; the store's errors (404, directory) propagate as ApiErrors. */
export async function sendArtifact(reply: FastifyReply, store: ArtifactStore, path: string): Promise<FastifyReply> {
  // HEAD answers from the file's metadata; Fastify would otherwise read the whole file and drop it.
  const { stream, size } = reply.request.method === 'HEAD' ? await headOf(store, path) : await store.read(path);
  const name = artifactBaseName(path);
  return reply
    .header('content-type', safeContentType(name))
    .header('content-length', size)
    .header('content-disposition', attachmentDisposition(name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .send(stream);
}

async function headOf(store: ArtifactStore, path: string): Promise<{ stream: Readable; size: number }> {
  const info = await store.stat(path);
  if (!info) throw notFound(`Artifact '${path}' not found`);
  if (info.isDir) throw invalidParameter(`Artifact '${path}' is a directory; list it instead`);
  return { stream: Readable.from([]), size: info.size };
}
