import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { roles, type Role } from '../../../../shared/permissions';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { formatDateTime } from '../../../lib/format';
import { useUpdateUser } from '../api/users.mutations';
import { usersQueries } from '../api/users.queries';
import { CreateUserDialog } from './create-user-dialog';

/** Settings → Users (admins): everyone who can sign in, their role, and a switch to disable them. */
export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const users = useQuery(usersQueries.list());
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);

  return (
    <Card>
      <CardHeader
        title="Users"
        description="Roles decide what each person may do; disabling someone ends their sessions at once."
        actions={<Button onClick={() => setCreating(true)}>Create user</Button>}
      />
      {users.isPending ? (
        <Spinner label="Loading users" />
      ) : users.isError ? (
        <div className="p-5">
          <ErrorState error={users.error} onRetry={() => users.refetch()} />
        </div>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-muted-foreground uppercase">
            <tr>
              <th className="px-5 py-2 font-medium">User</th>
              <th className="px-5 py-2 font-medium">Role</th>
              <th className="px-5 py-2 font-medium">Last sign-in</th>
              <th className="px-5 py-2 font-medium">Status</th>
              <th className="px-5 py-2" />
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <tr key={user.id} className="border-t border-border">
                <td className="px-5 py-2">
                  <div className="font-medium">{user.username}</div>
                  <div className="text-xs text-muted-foreground">{user.displayName}</div>
                </td>
                <td className="px-5 py-2">
                  <select
                    aria-label={`Role of ${user.username}`}
                    className="rounded border border-border bg-surface px-2 py-1"
                    value={user.role}
                    disabled={user.id === currentUserId}
                    onChange={(e) => update.mutate({ userId: user.id, role: e.target.value as Role })}
                  >
                    {roles.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                </td>
                <td className="px-5 py-2 text-muted-foreground">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'never'}</td>
                <td className="px-5 py-2">{user.disabled ? <Badge tone="danger">disabled</Badge> : <Badge tone="success">active</Badge>}</td>
                <td className="px-5 py-2 text-right">
                  {user.id !== currentUserId && (
                    <Button variant="ghost" size="sm" onClick={() => update.mutate({ userId: user.id, disabled: !user.disabled })}>
                      {user.disabled ? 'Enable' : 'Disable'}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
