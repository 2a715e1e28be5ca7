import { useNavigate, useSearchParams } from 'react-router';
import { safeReturnTo } from '../../config/paths';
import { SignInForm } from '../../features/auth/components/sign-in-form';

export function Component() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <div className="flex min-h-full items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-2">
          <img src="/favicon.svg" alt="" className="size-12" />
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Sextant</h1>
        </div>
        <div className="rounded-lg border border-border bg-surface p-6 shadow-sm">
          <SignInForm onSignedIn={() => navigate(safeReturnTo(params.get('returnTo')), { replace: true })} />
        </div>
        <p className="mt-4 text-center text-xs text-muted-foreground">
          First start? The admin password was printed in the server’s terminal.
        </p>
      </div>
    </div>
  );
}
