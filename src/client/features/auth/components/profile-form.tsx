import { type FormEvent, useState } from 'react';
import type { User } from '../../../../shared/contract/auth';
import { roleDescriptions } from '../../../../shared/permissions';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { Field, Input } from '../../../components/ui/field';
import { showToast } from '../../../components/ui/toaster';
import { ApiError } from '../../../lib/api-client';
import { useChangePassword, useUpdateMe } from '../api/auth.mutations';

export function ProfileForm({ user }: { user: User }) {
  const updateMe = useUpdateMe();
  const [displayName, setDisplayName] = useState(user.displayName);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    updateMe.mutate({ displayName }, { onSuccess: () => showToast('Profile saved') });
  };
  const error = updateMe.error instanceof ApiError ? updateMe.error : null;
  return (
    <Card>
      <CardHeader title="Profile" description={`Signed in as ${user.username} · ${user.role}: ${roleDescriptions[user.role]}`} />
      <form onSubmit={submit} className="space-y-4 p-5">
        <Field label="Display name" error={error?.fieldMessage('displayName') ?? error?.message}>
          {(props) => <Input {...props} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </Field>
        <Button type="submit" disabled={updateMe.isPending}>
          Save
        </Button>
      </form>
    </Card>
  );
}

export function PasswordForm() {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const error = change.error instanceof ApiError ? change.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          showToast('Password changed; your other sessions were signed out');
        },
      },
    );
  };
  return (
    <Card>
      <CardHeader title="Password" description="Changing it signs out your other sessions." />
      <form onSubmit={submit} className="space-y-4 p-5">
        <Field label="Current password" error={error?.fieldMessage('currentPassword')}>
          {(props) => <Input {...props} type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />}
        </Field>
        <Field label="New password" error={error?.fieldMessage('newPassword')} hint="At least 10 characters.">
          {(props) => <Input {...props} type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} />}
        </Field>
        {error && !error.details.length && <p role="alert" className="text-sm text-danger">{error.message}</p>}
        <Button type="submit" disabled={change.isPending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
