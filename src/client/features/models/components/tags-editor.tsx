import { X } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import type { KeyValue } from '../../../../shared/contract/models';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { type EditTarget, useDeleteTag, useSetTag } from '../api/models.mutations';

/** Tags as chips; those who may edit add (or overwrite) and remove them. */
export function TagsEditor({ target, tags, canEdit }: { target: EditTarget; tags: KeyValue[]; canEdit: boolean }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const set = useSetTag(target);
  const remove = useDeleteTag(target);
  const error = [set.error, remove.error].find((e) => e instanceof ApiError);
  const add = (event: FormEvent) => {
    event.preventDefault();
    set.mutate({ key: key.trim(), value }, { onSuccess: () => { setKey(''); setValue(''); } });
  };
  return (
    <div className="space-y-2">
      <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
        {tags.length === 0 && <li className="text-sm text-muted-foreground">No tags.</li>}
        {tags.map((tag) => (
          <li key={tag.key} className="inline-flex items-center gap-1 rounded-full bg-muted px-2 py-0.5 text-xs">
            <span className="font-medium">{tag.key}</span>
            {tag.value && <span className="text-muted-foreground">= {tag.value}</span>}
            {canEdit && (
              <button type="button" className="rounded-full hover:text-danger" aria-label={`Remove tag ${tag.key}`} onClick={() => remove.mutate(tag.key)}>
                <X className="size-3" aria-hidden />
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form onSubmit={add} className="flex flex-wrap items-center gap-2">
          <Input aria-label="Tag key" placeholder="key" className="w-32!" value={key} onChange={(event) => setKey(event.target.value)} required maxLength={250} />
          <Input aria-label="Tag value" placeholder="value" className="w-40!" value={value} onChange={(event) => setValue(event.target.value)} maxLength={5000} />
          <Button type="submit" size="sm" variant="secondary" disabled={set.isPending || !key.trim()}>Add tag</Button>
        </form>
      )}
      {error && <p role="alert" className="text-sm text-danger">{error.message}</p>}
    </div>
  );
}
