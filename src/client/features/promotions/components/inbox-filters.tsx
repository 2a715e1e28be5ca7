import { requestKinds, requestStateSchema } from '../../../../shared/contract/promotions';
import { Field, Input, Select } from '../../../components/ui/field';

export interface InboxFilterValues {
  state?: string | undefined;
  environment?: string | undefined;
  model?: string | undefined;
  kind?: string | undefined;
}

/** Filters kept in the URL by the route: state, environment, kind, model. */
export function InboxFilters({ values, environments, onChange }: { values: InboxFilterValues; environments: string[]; onChange: (next: InboxFilterValues) => void }) {
  const set = (key: keyof InboxFilterValues) => (value: string) => onChange({ ...values, [key]: value || undefined });
  return (
    <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Field label="State">
        {(props) => (
          <Select {...props} value={values.state ?? ''} onChange={(e) => set('state')(e.target.value)}>
            <option value="">Any</option>
            {requestStateSchema.options.map((s) => <option key={s}>{s}</option>)}
          </Select>
        )}
      </Field>
      <Field label="Environment">
        {(props) => (
          <Select {...props} value={values.environment ?? ''} onChange={(e) => set('environment')(e.target.value)}>
            <option value="">Any</option>
            {environments.map((e) => <option key={e}>{e}</option>)}
          </Select>
        )}
      </Field>
      <Field label="Kind">
        {(props) => (
          <Select {...props} value={values.kind ?? ''} onChange={(e) => set('kind')(e.target.value)}>
            <option value="">Any</option>
            {requestKinds.map((k) => <option key={k}>{k}</option>)}
          </Select>
        )}
      </Field>
      <Field label="Model">
        {(props) => <Input {...props} value={values.model ?? ''} placeholder="Exact name" onChange={(e) => set('model')(e.target.value)} />}
      </Field>
    </div>
  );
}
