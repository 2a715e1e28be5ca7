import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BodyInputOf } from '../../../../shared/contract/common';
import { createUser, updateUser } from '../../../../shared/contract/users';
import { callApi } from '../../../lib/api-client';
import { usersQueries } from './users.queries';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyInputOf<typeof createUser>) => callApi(createUser, { body }),
    meta: { inlineErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueries.all() }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: BodyInputOf<typeof updateUser> & { userId: string }) => callApi(updateUser, { params: { userId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueries.all() }),
  });
}
