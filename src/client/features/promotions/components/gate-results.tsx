import { CheckCircle2, CircleAlert, XCircle } from 'lucide-react';
import type { GateResult } from '../../../../shared/contract/promotion-policies';
import { cn } from '../../../components/ui/cn';

const icons = {
  pass: <CheckCircle2 className="size-4 text-success" aria-hidden />,
  fail: <XCircle className="size-4 text-danger" aria-hidden />,
  warning: <CircleAlert className="size-4 text-warning" aria-hidden />,
};

const number = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6))));

/** Each gate with its verdict and the numbers behind it. */
export function GateResults({ gates, label = 'Gate results' }: { gates: GateResult[]; label?: string }) {
  if (gates.length === 0) return <p className="text-sm text-muted-foreground">No gates apply to this request.</p>;
  return (
    <ul aria-label={label} className="divide-y divide-border rounded-md border border-border text-sm">
      {gates.map((gate, index) => (
        <li key={`${gate.type}-${index}`} className="flex items-start gap-3 px-3 py-2" aria-label={`${gate.label}: ${gate.status}`}>
          <span className="mt-0.5">{icons[gate.status]}</span>
          <div className="min-w-0 flex-1">
            <p className="font-medium">{gate.label}</p>
            <p className={cn('text-muted-foreground', gate.status === 'fail' && 'text-danger')}>{gate.message}</p>
          </div>
          {gate.observed !== null && (
            <span className="shrink-0 font-mono text-xs text-muted-foreground">
              {number(gate.observed)}
              {gate.expected !== null && ` / ${number(gate.expected)}`}
            </span>
          )}
          <span className="sr-only">{gate.status}</span>
        </li>
      ))}
    </ul>
  );
}
