import { inboxViews } from '../../../../shared/contract/promotions';
import { cn } from '../../../components/ui/cn';

type View = (typeof inboxViews)[number];
const labels: Record<View, string> = { 'mine-to-approve': 'Mine to approve', 'my-requests': 'My requests', all: 'All' };

export function InboxTabs({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  return (
    <div role="tablist" aria-label="Requests" className="mb-4 flex gap-1 border-b border-border">
      {inboxViews.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          aria-selected={view === v}
          onClick={() => onChange(v)}
          className={cn(
            '-mb-px border-b-2 px-4 py-2 text-sm font-medium',
            view === v ? 'border-primary text-primary' : 'border-transparent text-muted-foreground hover:text-foreground',
          )}
        >
          {labels[v]}
        </button>
      ))}
    </div>
  );
}
