import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { Button } from '../../../components/ui/button';
import { Field, Input } from '../../../components/ui/field';
import { useSignIn } from '../api/auth.mutations';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const error = signIn.error instanceof ApiError ? signIn.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ username, password }, { onSuccess: onSignedIn });
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field label="Username" error={error?.fieldMessage('username')}>
        {(props) => <Input {...props} autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />}
      </Field>
      <Field label="Password" error={error?.fieldMessage('password')}>
        {(props) => (
          <Input {...props} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      {signIn.error && !error?.details.length && (
        <p role="alert" className="rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
          {signIn.error.message}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
