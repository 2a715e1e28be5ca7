import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Field, Input } from '../../../components/ui/field';
import { type FilterKey, isoToLocalInput, localInputToIso } from '../utils/audit-search-params';

type Values = Partial<Record<FilterKey, string>>;

const textFields: Array<{ key: FilterKey; label: string; placeholder: string }> = [
  { key: 'actor', label: 'Actor', placeholder: 'username' },
  { key: 'action', label: 'Action', placeholder: 'user.created or promotion.' },
  { key: 'model', label: 'Model', placeholder: 'model name' },
  { key: 'environment', label: 'Environment', placeholder: 'production' },
  { key: 'entityType', label: 'Entity type', placeholder: 'deployment' },
  { key: 'entityId', label: 'Entity id', placeholder: 'fraud/production' },
];

/** The trail's filters; applying them writes them to the URL (remount with a new `key` to reset). */
export function AuditFiltersForm({ initial, onApply }: { initial: Values; onApply: (values: Values) => void }) {
  const [values, setValues] = useState<Values>({ ...initial, from: isoToLocalInput(initial.from), to: isoToLocalInput(initial.to) });
  const set = (key: FilterKey) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...values, from: localInputToIso(values.from ?? ''), to: localInputToIso(values.to ?? '') });
  };
  return (
    <form aria-label="Filter the trail" onSubmit={submit} className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-border bg-surface p-4 md:grid-cols-4">
      {textFields.map(({ key, label, placeholder }) => (
        <Field key={key} label={label}>
          {(props) => <Input {...props} value={values[key] ?? ''} placeholder={placeholder} onChange={set(key)} />}
        </Field>
      ))}
      <Field label="From">{(props) => <Input {...props} type="datetime-local" value={values.from ?? ''} onChange={set('from')} />}</Field>
      <Field label="To">{(props) => <Input {...props} type="datetime-local" value={values.to ?? ''} onChange={set('to')} />}</Field>
      <div className="col-span-2 flex items-end justify-end gap-2 md:col-span-4">
        <Button variant="ghost" onClick={() => onApply({})}>
          Clear
        </Button>
        <Button type="submit">Apply filters</Button>
      </div>
    </form>
  );
}
