import { type AuditFilterInput, type ExportReport, exportPath, exportReportSchema, getExportReport } from '../../../../shared/contract/audit';
import { errorResponseSchema } from '../../../../shared/contract/common';
import { ApiError, buildUrl, callApi } from '../../../lib/api-client';

export interface ExportProgress {
  bytes: number;
  /** Lines received so far (CSV: a text field with line breaks counts more than once). */
  lines: number;
}

/**
 * Streams an export with fetch, reporting bytes and lines as they arrive, then saves the file.
 * Returns the verification report: the last line of a JSON Lines export, or the report endpoint
 * for CSV.
 */
export async function downloadExport(
  filters: AuditFilterInput,
  format: 'csv' | 'jsonl',
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<ExportReport> {
  const url = new URL(buildUrl(exportPath, undefined, { ...filters, format }), window.location.origin);
  const response = await fetch(url, { credentials: 'same-origin', signal });
  if (!response.ok || !response.body) {
    const parsed = errorResponseSchema.safeParse(await response.json().catch(() => null));
    throw parsed.success ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message) : new ApiError(response.status, 'HTTP_ERROR', `Export failed (${response.status})`);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  const progress = { bytes: 0, lines: 0 };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    progress.bytes += value.length;
    for (const byte of value) if (byte === 10) progress.lines += 1;
    onProgress({ ...progress });
  }
  const blob = new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? 'application/octet-stream' });
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `sextant-audit.${format}`;
  saveBlob(blob, filename);
  if (format === 'csv') return callApi(getExportReport, { query: filters });
  const tail = await blob.slice(Math.max(0, blob.size - 65_536)).text();
  const last = tail.trimEnd().split('\n').at(-1) ?? '{}';
  return exportReportSchema.parse((JSON.parse(last) as { verification_report?: unknown }).verification_report);
}

function saveBlob(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
