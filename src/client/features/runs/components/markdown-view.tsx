import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/** Markdown written by users (descriptions), rendered and sanitised: no scripts, no handlers. */
export function MarkdownView({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(text, { async: false, gfm: true }), { USE_PROFILES: { html: true } }), [text]);
  return <div className={`prose-sm max-w-none text-sm text-foreground [&_a]:text-primary [&_a]:underline [&_code]:font-mono [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_li]:ml-4 [&_ul]:list-disc ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
