import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changeMyPassword, signIn, signOut, updateMe } from '../../../../shared/contract/auth';
import type { BodyInputOf } from '../../../../shared/contract/common';
import { callApi, setCsrfToken } from '../../../lib/api-client';
import { authQueries } from './auth.queries';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyInputOf<typeof signIn>) => callApi(signIn, { body }),
    meta: { inlineErrors: true },
    onSuccess: (session) => {
      // A different user may be signing in: forget everything cached for the previous one.
      queryClient.clear();
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(authQueries.me().queryKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(signOut, {}),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyInputOf<typeof updateMe>) => callApi(updateMe, { body }),
    meta: { inlineErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authQueries.all() }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: BodyInputOf<typeof changeMyPassword>) => callApi(changeMyPassword, { body }),
    meta: { inlineErrors: true },
  });
}
