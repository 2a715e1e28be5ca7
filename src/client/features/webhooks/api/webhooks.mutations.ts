import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BodyInputOf } from '../../../../shared/contract/common';
import { createWebhook, deleteWebhook, testWebhook, updateWebhook } from '../../../../shared/contract/webhooks';
import { callApi } from '../../../lib/api-client';
import { webhooksQueries } from './webhooks.queries';

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyInputOf<typeof createWebhook>) => callApi(createWebhook, { body }),
    meta: { inlineErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksQueries.all() }),
  });
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ webhookId, ...body }: BodyInputOf<typeof updateWebhook> & { webhookId: string }) => callApi(updateWebhook, { params: { webhookId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksQueries.all() }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => callApi(deleteWebhook, { params: { webhookId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksQueries.all() }),
  });
}

export function useTestWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => callApi(testWebhook, { params: { webhookId } }),
    onSuccess: (_data, webhookId) => queryClient.invalidateQueries({ queryKey: webhooksQueries.deliveries(webhookId).queryKey }),
  });
}
