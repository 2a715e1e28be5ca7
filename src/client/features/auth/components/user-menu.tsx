import { LogOut } from 'lucide-react';
import { useNavigate } from 'react-router';
import type { User } from '../../../../shared/contract/auth';
import { paths } from '../../../config/paths';
import { useSignOut } from '../api/auth.mutations';

export function UserMenu({ user }: { user: User }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <div className="mt-1 flex items-center justify-between gap-2 rounded-md px-3 py-2">
      <div className="min-w-0">
        <div className="truncate text-sm font-medium" title={user.displayName}>
          {user.displayName}
        </div>
        <div className="text-xs text-muted-foreground">{user.role}</div>
      </div>
      <button
        type="button"
        aria-label="Sign out"
        title="Sign out"
        className="rounded p-1.5 text-muted-foreground hover:bg-muted hover:text-foreground"
        onClick={() => signOut.mutate(undefined, { onSettled: () => navigate(paths.signIn.href()) })}
      >
        <LogOut className="size-4" />
      </button>
    </div>
  );
}
