import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BodyInputOf } from '../../../../shared/contract/common';
import { createEnvironment, updateEnvironment } from '../../../../shared/contract/deployments';
import { callApi } from '../../../lib/api-client';
import { deploymentsQueries } from './deployments.queries';

export function useCreateEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyInputOf<typeof createEnvironment>) => callApi(createEnvironment, { body }),
    meta: { inlineErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deploymentsQueries.all() }),
  });
}

export function useUpdateEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ environment, ...body }: BodyInputOf<typeof updateEnvironment> & { environment: string }) =>
      callApi(updateEnvironment, { params: { environment }, body }),
    meta: { inlineErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deploymentsQueries.all() }),
  });
}
