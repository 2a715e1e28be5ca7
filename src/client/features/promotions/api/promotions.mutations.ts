import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Policy } from '../../../../shared/contract/promotion-policies';
import { deleteModelPolicy, putEnvironmentPolicy, putModelPolicy } from '../../../../shared/contract/promotion-policies';
import {
  applyRequest,
  approveRequest,
  cancelRequest,
  commentOnRequest,
  createRequest,
  type CreateRequestBody,
  rejectRequest,
  type RequestDetail,
} from '../../../../shared/contract/promotions';
import { callApi } from '../../../lib/api-client';
import { promotionsQueries } from './promotions.queries';

/** Called after a change that may have moved a deployment, so the route can refresh other features. */
type OnChanged = (detail: RequestDetail) => void;

export function useCreateRequest(onChanged?: OnChanged) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRequestBody) => callApi(createRequest, { body }),
    meta: { inlineErrors: true },
    onSuccess: (detail) => {
      queryClient.setQueryData(promotionsQueries.detail(detail.request.id).queryKey, detail);
      void queryClient.invalidateQueries({ queryKey: promotionsQueries.lists() });
      onChanged?.(detail);
    },
  });
}

export type RequestDecision = { action: 'approve' | 'cancel'; comment?: string } | { action: 'reject'; comment: string } | { action: 'apply' } | { action: 'comment'; body: string };

export function useRequestAction(requestId: string, onChanged?: OnChanged) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: RequestDecision) => {
      const params = { requestId };
      switch (decision.action) {
        case 'approve':
          return callApi(approveRequest, { params, body: { comment: decision.comment } });
        case 'reject':
          return callApi(rejectRequest, { params, body: { comment: decision.comment } });
        case 'cancel':
          return callApi(cancelRequest, { params, body: { comment: decision.comment } });
        case 'apply':
          return callApi(applyRequest, { params });
        case 'comment':
          return callApi(commentOnRequest, { params, body: { body: decision.body } });
      }
    },
    meta: { inlineErrors: true },
    onSuccess: (detail) => {
      queryClient.setQueryData(promotionsQueries.detail(requestId).queryKey, detail);
      void queryClient.invalidateQueries({ queryKey: promotionsQueries.lists() });
      onChanged?.(detail);
    },
    // A refused apply also changes the request (it fails with the reason): show what it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: promotionsQueries.detail(requestId).queryKey }),
  });
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ environment, modelName, policy }: { environment: string; modelName: string | null; policy: Policy }) =>
      modelName
        ? callApi(putModelPolicy, { params: { environment, model: modelName }, body: policy })
        : callApi(putEnvironmentPolicy, { params: { environment }, body: policy }),
    meta: { inlineErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: promotionsQueries.policies().queryKey }),
  });
}

export function useDeletePolicyOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ environment, modelName }: { environment: string; modelName: string }) =>
      callApi(deleteModelPolicy, { params: { environment, model: modelName } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: promotionsQueries.policies().queryKey }),
  });
}
