import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  deleteModelAlias,
  deleteModelTag,
  deleteVersionTag,
  setModelAlias,
  setModelTag,
  setVersionTag,
  updateModelDescription,
  updateVersionDescription,
} from '../../../../shared/contract/models';
import { callApi } from '../../../lib/api-client';
import { modelsQueries } from './models.queries';

/** Which model or version an edit is on (`version` absent: the model itself). */
export interface EditTarget {
  name: string;
  version?: number | undefined;
}

/** Every edit refreshes what shows the model: its list rows, detail, versions and version pages. */
function useModelMutation<V>(run: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: modelsQueries.all() }) });
}

export function useUpdateDescription(target: EditTarget) {
  return useModelMutation((description: string) =>
    target.version === undefined
      ? callApi(updateModelDescription, { params: { name: target.name }, body: { description } })
      : callApi(updateVersionDescription, { params: { name: target.name, version: target.version }, body: { description } }),
  );
}

export function useSetTag(target: EditTarget) {
  return useModelMutation(({ key, value }: { key: string; value: string }) =>
    target.version === undefined
      ? callApi(setModelTag, { params: { name: target.name, key }, body: { value } })
      : callApi(setVersionTag, { params: { name: target.name, version: target.version, key }, body: { value } }),
  );
}

export function useDeleteTag(target: EditTarget) {
  return useModelMutation((key: string) =>
    target.version === undefined
      ? callApi(deleteModelTag, { params: { name: target.name, key } })
      : callApi(deleteVersionTag, { params: { name: target.name, version: target.version, key } }),
  );
}

export function useSetAlias(name: string) {
  return useModelMutation(({ alias, version }: { alias: string; version: number }) => callApi(setModelAlias, { params: { name, alias }, body: { version } }));
}

export function useDeleteAlias(name: string) {
  return useModelMutation((alias: string) => callApi(deleteModelAlias, { params: { name, alias } }));
}
