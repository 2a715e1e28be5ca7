import { cn } from '../../../components/ui/cn';

/** The traffic split as a bar: stable on the left, the canary's share on the right. */
export function CanaryWeightBar({ weight, className }: { weight: number; className?: string }) {
  return (
    <div
      role="meter"
      aria-label="Canary traffic"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={weight}
      className={cn('flex h-2 overflow-hidden rounded-full bg-[var(--chart-1)]/30', className)}
    >
      <div className="ml-auto h-full bg-[var(--chart-3)]" style={{ width: `${weight}%` }} />
    </div>
  );
}
