import { queryOptions } from '@tanstack/react-query';
import { listDeliveries, listWebhooks } from '../../../../shared/contract/webhooks';
import { callApi } from '../../../lib/api-client';

export const webhooksQueries = {
  all: () => ['webhooks'] as const,
  list: () =>
    queryOptions({
      queryKey: [...webhooksQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => callApi(listWebhooks, {}, { signal }),
    }),
  deliveries: (webhookId: string) =>
    queryOptions({
      queryKey: [...webhooksQueries.all(), 'deliveries', webhookId] as const,
      queryFn: ({ signal }) => callApi(listDeliveries, { params: { webhookId }, query: { limit: 50 } }, { signal }),
      refetchInterval: 5000,
    }),
};
