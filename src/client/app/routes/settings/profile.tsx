import { useSuspenseQuery } from '@tanstack/react-query';
import { authQueries } from '../../../features/auth/api/auth.queries';
import { PasswordForm, ProfileForm } from '../../../features/auth/components/profile-form';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  return (
    <div className="grid max-w-2xl gap-6">
      <ProfileForm user={session.user} />
      {session.via === 'session' && <PasswordForm />}
    </div>
  );
}
