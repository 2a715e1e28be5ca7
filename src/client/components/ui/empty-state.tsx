import type { ReactNode } from 'react';

/** What a page shows when it has nothing yet: what would be here and how to fill it. */
export function EmptyState({ title, children, icon }: { title: string; children?: ReactNode; icon?: ReactNode }) {
  return (
    <section aria-label={title} data-empty-state="" className="mx-auto max-w-2xl rounded-lg border border-dashed border-border px-6 py-10 text-center">
      {icon && <div className="mx-auto mb-3 flex size-10 items-center justify-center text-muted-foreground">{icon}</div>}
      <h2 className="text-lg font-semibold text-foreground">{title}</h2>
      <div className="mt-2 space-y-3 text-sm text-muted-foreground">{children}</div>
    </section>
  );
}
