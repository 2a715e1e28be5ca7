import { type FormEvent, useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Textarea } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { type EditTarget, useUpdateDescription } from '../api/models.mutations';
import { markdownToSafeHtml } from '../utils/markdown';

/** A description in markdown (sanitised before it is shown), editable by those who may. */
export function MarkdownDescription({ target, description, canEdit }: { target: EditTarget; description: string | null; canEdit: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const update = useUpdateDescription(target);
  const html = useMemo(() => markdownToSafeHtml(description ?? ''), [description]);
  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(draft ?? '', { onSuccess: () => setDraft(null) });
  };
  if (draft !== null) {
    return (
      <form onSubmit={save} className="space-y-2">
        <Textarea aria-label="Description (markdown)" rows={6} value={draft} onChange={(event) => setDraft(event.target.value)} />
        {update.error instanceof ApiError && <p role="alert" className="text-sm text-danger">{update.error.message}</p>}
        <div className="flex gap-2">
          <Button type="submit" size="sm" disabled={update.isPending}>Save description</Button>
          <Button variant="ghost" size="sm" onClick={() => setDraft(null)}>Cancel</Button>
        </div>
      </form>
    );
  }
  return (
    <div className="space-y-2">
      {description ? (
        <div className="prose prose-sm max-w-none text-sm text-foreground [&_a]:text-primary [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_ul]:list-disc [&_ul]:pl-5" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p className="text-sm text-muted-foreground">No description yet.</p>
      )}
      {canEdit && (
        <Button variant="secondary" size="sm" onClick={() => setDraft(description ?? '')}>
          Edit description
        </Button>
      )}
    </div>
  );
}
