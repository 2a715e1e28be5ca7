import { type FormEvent, useState } from 'react';
import { roleDescriptions, roles, type Role } from '../../../../shared/permissions';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field, Input, Select } from '../../../components/ui/field';
import { showToast } from '../../../components/ui/toaster';
import { ApiError } from '../../../lib/api-client';
import { useCreateUser } from '../api/users.mutations';

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('data-scientist');
  const [password, setPassword] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;

  const close = () => {
    create.reset();
    setUsername('');
    setPassword('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { username, role, password },
      {
        onSuccess: (user) => {
          showToast(`Created ${user.username}`);
          close();
        },
      },
    );
  };

  return (
    <Dialog open={open} onClose={close} title="Create user">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Username" error={error?.fieldMessage('username')} hint="Lowercase letters, digits and . _ @ -">
          {(props) => <Input {...props} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label="Role" hint={roleDescriptions[role]}>
          {(props) => (
            <Select {...props} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Initial password" error={error?.fieldMessage('password')} hint="At least 10 characters; share it privately.">
          {(props) => <Input {...props} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        {error && !error.details.length && <p role="alert" className="text-sm text-danger">{error.message}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending}>
            Create user
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
