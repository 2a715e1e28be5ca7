import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createExperiment, deleteExperiment, restoreExperiment, updateExperiment, type Experiment } from '../../../../shared/contract/experiments';
import type { BodyInputOf } from '../../../../shared/contract/common';
import { callApi } from '../../../lib/api-client';
import { runsQueries } from './runs.queries';

/** Experiment writes; every success refreshes the lists and the experiment's page. */
export function useExperimentMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: runsQueries.all() });
  return {
    create: useMutation({ mutationFn: (body: BodyInputOf<typeof createExperiment>) => callApi(createExperiment, { body }), onSuccess }),
    update: useMutation({
      mutationFn: ({ experimentId, ...body }: BodyInputOf<typeof updateExperiment> & { experimentId: string }) => callApi(updateExperiment, { params: { experimentId }, body }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (experiment: Experiment) => callApi(deleteExperiment, { params: { experimentId: experiment.experimentId } }), onSuccess }),
    restore: useMutation({ mutationFn: (experiment: Experiment) => callApi(restoreExperiment, { params: { experimentId: experiment.experimentId } }), onSuccess }),
  };
}
