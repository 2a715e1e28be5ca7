import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AlertRuleInput } from '../../../../shared/contract/monitoring-alerts';
import { createAlertRule, deleteAlertRule, updateAlertRule } from '../../../../shared/contract/monitoring-alerts';
import { uploadReference } from '../../../../shared/contract/monitoring';
import { ApiError, buildUrl, callApi, csrfHeader } from '../../../lib/api-client';
import { monitoringQueries } from './monitoring.queries';

export function useSaveAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, rule }: { id: string | null; rule: AlertRuleInput }) =>
      id ? callApi(updateAlertRule, { params: { ruleId: id }, body: rule }) : callApi(createAlertRule, { body: rule }),
    meta: { inlineErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringQueries.all() }),
  });
}

export function useDeleteAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) => callApi(deleteAlertRule, { params: { ruleId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringQueries.all() }),
  });
}

/** Sends the file itself as the body (streamed by the server), not JSON. */
export function useUploadReference(modelName: string, version: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const url = buildUrl(uploadReference.path, { modelName, version }, { fileName: file.name });
      const isParquet = file.name.toLowerCase().endsWith('.parquet');
      const response = await fetch(new URL(url, window.location.origin), {
        method: 'POST',
        headers: { 'content-type': isParquet ? 'application/vnd.apache.parquet' : 'text/csv', accept: 'application/json', ...csrfHeader() },
        body: file,
        credentials: 'same-origin',
      });
      const json: unknown = await response.json().catch(() => ({}));
      if (!response.ok) {
        const error = (json as { error?: { code: string; message: string } }).error;
        throw new ApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `Upload failed (${response.status})`);
      }
      return uploadReference.response.parse(json);
    },
    meta: { inlineErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringQueries.all() }),
  });
}
