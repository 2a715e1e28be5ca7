import { useSyncExternalStore } from 'react';
import { cn } from './cn';

interface Toast {
  id: number;
  message: string;
  tone: 'error' | 'success';
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

/** Shows a short message in the corner; errors stay until dismissed, successes fade. */
export function showToast(message: string, tone: Toast['tone'] = 'success') {
  const toast = { id: nextId++, message, tone };
  toasts = [...toasts.slice(-3), toast];
  emit();
  if (tone === 'success') setTimeout(() => dismiss(toast.id), 4000);
}

function dismiss(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function Toaster() {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
  );
  return (
    <div aria-live="polite" className="fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2">
      {current.map((toast) => (
        <div
          key={toast.id}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          className={cn(
            'flex items-start justify-between gap-3 rounded-md border px-4 py-3 text-sm shadow-lg',
            toast.tone === 'error' ? 'border-danger/40 bg-surface text-danger' : 'border-success/40 bg-surface text-foreground',
          )}
        >
          <span>{toast.message}</span>
          <button type="button" onClick={() => dismiss(toast.id)} aria-label="Dismiss" className="text-muted-foreground">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
