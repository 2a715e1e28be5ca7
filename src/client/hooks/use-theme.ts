import { useCallback, useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const storageKey = 'sextant.theme';
const listeners = new Set<() => void>();

function preferred(): Theme {
  const stored = localStorage.getItem(storageKey);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies the saved (or OS) theme to <html>; call once before rendering. */
export function applyInitialTheme() {
  document.documentElement.classList.toggle('dark', preferred() === 'dark');
}

/** The current theme and a toggle; the choice is kept in localStorage. */
export function useTheme(): [Theme, () => void] {
  const theme = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (document.documentElement.classList.contains('dark') ? 'dark' : 'light'),
  );
  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(storageKey, next);
    document.documentElement.classList.toggle('dark', next === 'dark');
    listeners.forEach((listener) => listener());
  }, [theme]);
  return [theme, toggle];
}
