import { invalidParameter } from '../../errors';
import { canonicalArtifactPath, percentDecodeOnce } from './artifact-path';

/**
 * `mlflow-artifacts:` URIs, as this server hands them out (`mlflow-artifacts:/<exp>/<run>/artifacts`).
 * The Python client turns them into `/api/2.0/mlflow-artifacts/artifacts/<path>` URLs, so the
 * path part is URL-encoded exactly as such a URL would be: it is decoded once, then canonicalised.
 */
export const artifactScheme = 'mlflow-artifacts:';

export interface ArtifactUriOptions {
  /**
   * Accept `mlflow-artifacts://host:port/path` (the host is ignored). Off for user-supplied
   * sources, which must name this server's store without pointing elsewhere.
   */
  allowAuthority?: boolean;
}

export function isArtifactUri(uri: string): boolean {
  return uri.slice(0, artifactScheme.length).toLowerCase() === artifactScheme;
}

/** The canonical store path an `mlflow-artifacts:` URI names; INVALID_PARAMETER_VALUE otherwise. */
export function artifactPathFromUri(uri: string, options: ArtifactUriOptions = {}): string {
  if (!isArtifactUri(uri)) throw invalidParameter(`Not an ${artifactScheme} URI: ${JSON.stringify(uri.slice(0, 200))}.`);
  let rest = uri.slice(artifactScheme.length);
  if (rest.startsWith('//')) {
    const authorityEnd = rest.indexOf('/', 2);
    const authority = authorityEnd === -1 ? rest.slice(2) : rest.slice(2, authorityEnd);
    if (authority !== '' && !options.allowAuthority) {
      throw invalidParameter(`Invalid artifact URI ${JSON.stringify(uri.slice(0, 200))}: name no host; write ${artifactScheme}/<path>.`);
    }
    if (!/^[A-Za-z0-9.-]*(:\d{1,5})?$/.test(authority)) throw invalidParameter(`Invalid host in artifact URI ${JSON.stringify(uri.slice(0, 200))}.`);
    rest = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  }
  if (!rest.startsWith('/')) throw invalidParameter(`Invalid artifact URI ${JSON.stringify(uri.slice(0, 200))}: expected ${artifactScheme}/<path>.`);
  // Check the raw form too: a ';', '#' or '?' is refused before and after decoding.
  canonicalArtifactPath(rest.replace(/^\/+/, ''), { allowRoot: true });
  return canonicalArtifactPath(percentDecodeOnce(rest.replace(/^\/+/, '')), { allowRoot: true });
}

/** The URI for a canonical store path: `mlflow-artifacts:/<path>` (`%` escaped so it parses back). */
export function artifactUriFor(path: string): string {
  return `${artifactScheme}/${path.replaceAll('%', '%25')}`;
}
