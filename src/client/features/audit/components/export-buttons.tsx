import { Download } from 'lucide-react';
import { useRef, useState } from 'react';
import type { AuditFilterInput, ExportReport } from '../../../../shared/contract/audit';
import { Button } from '../../../components/ui/button';
import { type ExportProgress, downloadExport } from '../api/export-download';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** CSV / JSON Lines export of the filtered trail, streamed, with progress and the verification result. */
export function ExportButtons({ filters }: { filters: AuditFilterInput }) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [result, setResult] = useState<{ report?: ExportReport; error?: string } | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async (format: 'csv' | 'jsonl') => {
    abort.current = new AbortController();
    setResult(null);
    setProgress({ bytes: 0, lines: 0 });
    try {
      setResult({ report: await downloadExport(filters, format, setProgress, abort.current.signal) });
    } catch (error) {
      if ((error as Error).name !== 'AbortError') setResult({ error: (error as Error).message });
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        {progress ? (
          <Button variant="secondary" onClick={() => abort.current?.abort()}>
            Cancel export
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={() => start('csv')}>
              <Download className="size-4" aria-hidden /> Export CSV
            </Button>
            <Button variant="secondary" onClick={() => start('jsonl')}>
              <Download className="size-4" aria-hidden /> Export JSONL
            </Button>
          </>
        )}
      </div>
      <p aria-live="polite" className="text-xs text-muted-foreground">
        {progress && `Exporting… ${progress.lines.toLocaleString()} lines, ${megabytes(progress.bytes)} received`}
        {result?.error && <span className="text-danger">Export failed: {result.error}</span>}
        {result?.report &&
          `Exported ${result.report.exported.toLocaleString()} events; chain ${result.report.chain.ok ? 'verified' : `broken at event ${result.report.chain.broken?.seq}`} for that range. Head: event ${result.report.head.seq}.`}
      </p>
    </div>
  );
}
