import { useMemo, useRef, useState } from 'react';
import { completeFilter, type KnownKeys, type Suggestion } from '../../../../shared/search/filter-autocomplete';
import { Button } from '../../../components/ui/button';
import { cn } from '../../../components/ui/cn';

export interface FilterError {
  message: string;
  start?: number;
  end?: number;
}

/**
 * The MLflow search box: suggestions for entities, keys, comparators and values as you type
 * (↑/↓, Enter or Tab to pick), Enter to apply. A server error is shown under the text with the
 * offending token underlined.
 */
export function FilterBox({ value, known, error, onApply }: { value: string; known: KnownKeys; error?: FilterError; onApply: (filter: string) => void }) {
  const [text, setText] = useState(value);
  const [cursor, setCursor] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    setText(value);
  }
  const completion = useMemo(() => completeFilter(text, cursor, 'runs', known, 12), [text, cursor, known]);
  const suggestions = open ? completion.suggestions : [];

  const pick = (suggestion: Suggestion) => {
    const { start, end } = completion.replace;
    const next = `${text.slice(0, start)}${suggestion.insertText}${text.slice(end)}`;
    const at = start + suggestion.insertText.length;
    setText(next);
    setCursor(at);
    setActive(0);
    requestAnimationFrame(() => input.current?.setSelectionRange(at, at));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (suggestions.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (suggestions.length > 0 && (event.key === 'Tab' || (event.key === 'Enter' && open && active >= 0 && suggestions[active]))) {
      event.preventDefault();
      pick(suggestions[active]!);
    } else if (event.key === 'Enter') {
      setOpen(false);
      onApply(text);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const hasSpan = error?.start !== undefined && error.end !== undefined && error.start <= value.length;
  return (
    <div className="relative min-w-80 flex-1">
      <div className="flex gap-2">
        <input
          ref={input}
          aria-label="Filter runs"
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-controls="filter-suggestions"
          aria-invalid={Boolean(error)}
          spellCheck={false}
          className={cn(
            'h-9 w-full rounded-md border border-border bg-surface px-3 font-mono text-sm text-foreground placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring',
            error && 'border-danger',
          )}
          placeholder="metrics.rmse < 0.8 and params.model = 'gbm'"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setCursor(e.target.selectionStart ?? e.target.value.length);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onClick={(e) => setCursor(e.currentTarget.selectionStart ?? text.length)}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <Button variant="secondary" onClick={() => onApply(text)}>
          Apply
        </Button>
      </div>
      {suggestions.length > 0 && (
        <ul id="filter-suggestions" role="listbox" aria-label="Suggestions" className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-border bg-surface py-1 text-sm shadow-lg">
          {suggestions.map((s, i) => (
            <li
              key={`${s.kind}-${s.label}`}
              role="option"
              aria-selected={i === active}
              className={cn('flex cursor-pointer justify-between px-3 py-1 font-mono', i === active && 'bg-muted')}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
            >
              <span>{s.label}</span>
              <span className="font-sans text-xs text-muted-foreground">{s.kind}</span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div role="alert" aria-label="Filter error" className="mt-1 text-sm">
          {hasSpan && (
            <p className="font-mono text-xs whitespace-pre text-muted-foreground" aria-hidden>
              {value.slice(0, error.start)}
              <mark className="rounded-sm bg-danger/20 text-danger underline decoration-wavy">{value.slice(error.start, Math.max(error.end!, error.start! + 1)) || ' '}</mark>
              {value.slice(Math.max(error.end!, error.start! + 1))}
            </p>
          )}
          <p className="text-danger">{error.message}</p>
          <p className="text-xs text-muted-foreground">The table still shows the results of the previous filter.</p>
        </div>
      )}
      {!error && !open && completion.hint && text && <p className="mt-1 text-xs text-muted-foreground">{completion.hint}</p>}
    </div>
  );
}
