import { useQuery } from '@tanstack/react-query';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { artifactQueries, artifactUrl } from '../api/artifacts';

const imageTypes = /\.(png|jpe?g|gif|webp|svg)$/i;
const textTypes = /\.(txt|log|md|py|json|ya?ml|csv|tsv|cfg|ini|toml|html?|xml|sh|MLmodel|requirements)$|(^|\/)(MLmodel|requirements\.txt|conda\.yaml|python_env\.yaml)$/i;

export type PreviewKind = 'image' | 'json' | 'yaml' | 'csv' | 'text' | 'none';

export function previewKindOf(path: string): PreviewKind {
  if (imageTypes.test(path)) return 'image';
  if (/\.json$/i.test(path)) return 'json';
  if (/\.ya?ml$|(^|\/)MLmodel$/i.test(path)) return 'yaml';
  if (/\.(csv|tsv)$/i.test(path)) return 'csv';
  return textTypes.test(path) ? 'text' : 'none';
}

/** Indented JSON, or undefined when the text is not JSON (it is then shown as text). */
function prettyJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}

function isYaml(text: string): boolean {
  try {
    parseYaml(text);
    return true;
  } catch {
    return false;
  }
}

function TextPreview({ runId, path, kind }: { runId: string; path: string; kind: Exclude<PreviewKind, 'image' | 'none'> }) {
  const file = useQuery(artifactQueries.text(runId, path));
  if (file.isPending) return <Spinner label="Loading preview" />;
  if (file.isError) return <ErrorState error={file.error} />;
  const { text, truncated } = file.data;
  let body = <pre className="overflow-auto p-3 font-mono text-xs whitespace-pre-wrap">{text}</pre>;
  const json = kind === 'json' && !truncated ? prettyJson(text) : undefined;
  if (json !== undefined) {
    body = <pre className="overflow-auto p-3 font-mono text-xs">{json}</pre>;
  } else if (kind === 'yaml' && !truncated && !isYaml(text)) {
    body = <>{body}<p className="px-3 pb-2 text-xs text-warning">This file is not valid YAML.</p></>;
  } else if (kind === 'csv') {
    const rows = Papa.parse<string[]>(text, { delimiter: path.toLowerCase().endsWith('.tsv') ? '\t' : '', skipEmptyLines: true }).data.slice(0, 51);
    const [header = [], ...rest] = truncated ? rows.slice(0, -1) : rows;
    body = (
      <div className="overflow-auto">
        <table className="text-xs" aria-label={`First rows of ${path}`}>
          <thead className="bg-muted">
            <tr>{header.map((h, i) => <th key={i} className="px-2 py-1 text-left">{h}</th>)}</tr>
          </thead>
          <tbody>
            {rest.slice(0, 50).map((row, i) => (
              <tr key={i} className="border-t border-border">{row.map((cell, j) => <td key={j} className="px-2 py-1 font-mono">{cell}</td>)}</tr>
            ))}
          </tbody>
        </table>
        <p className="px-2 py-1 text-xs text-muted-foreground">First rows only.</p>
      </div>
    );
  }
  return (
    <>
      {body}
      {truncated && kind !== 'csv' && <p className="px-3 pb-2 text-xs text-muted-foreground">Preview cut at 256 KB; download the file for the rest.</p>}
    </>
  );
}

/** A preview of one artifact by its type, with a download link for everything. */
export function ArtifactPreview({ runId, path, size }: { runId: string; path: string; size?: number }) {
  const kind = previewKindOf(path);
  return (
    <div className="rounded-md border border-border" aria-label={`Preview of ${path}`} role="region">
      <div className="flex items-center justify-between border-b border-border px-3 py-2 text-sm">
        <span className="truncate font-mono">{path}</span>
        <a href={artifactUrl(runId, path)} download className="text-primary hover:underline">
          Download{size !== undefined ? ` (${(size / 1024).toFixed(1)} KB)` : ''}
        </a>
      </div>
      {kind === 'image' ? (
        <img src={artifactUrl(runId, path)} alt={path} className="max-h-[480px] max-w-full p-3" />
      ) : kind === 'none' ? (
        <p className="p-3 text-sm text-muted-foreground">No preview for this type of file; download it instead.</p>
      ) : (
        <TextPreview runId={runId} path={path} kind={kind} />
      )}
    </div>
  );
}
