import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BodyInputOf } from '../../../../shared/contract/common';
import { createMyToken, revokeMyToken } from '../../../../shared/contract/users';
import { callApi } from '../../../lib/api-client';
import { tokensQueries } from './tokens.queries';

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyInputOf<typeof createMyToken>) => callApi(createMyToken, { body }),
    meta: { inlineErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueries.all() }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => callApi(revokeMyToken, { params: { tokenId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueries.all() }),
  });
}
