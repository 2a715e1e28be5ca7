import { Check, Copy } from 'lucide-react';
import { useState } from 'react';

/** A block of code or commands with a copy button. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(code);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="relative text-left">
      <pre role="figure" aria-label={label} className="overflow-x-auto rounded-md bg-code px-4 py-3 font-mono text-xs leading-relaxed text-code-foreground">
        {code}
      </pre>
      <button
        type="button"
        onClick={copy}
        aria-label={`Copy ${label}`}
        className="absolute top-2 right-2 rounded p-1 text-code-foreground/70 hover:bg-white/10 hover:text-code-foreground"
      >
        {copied ? <Check className="size-4" /> : <Copy className="size-4" />}
      </button>
    </div>
  );
}
