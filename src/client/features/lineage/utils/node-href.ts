import type { LineageRef } from '../../../../shared/contract/lineage';
import { paths } from '../../../config/paths';

/** The page each node kind links to; a git commit has no page in Sextant. */
export function nodeHref(ref: LineageRef): string | null {
  switch (ref.kind) {
    case 'dataset':
      return paths.dataset.href(ref.digest);
    case 'run':
      return paths.run.href(ref.runId);
    case 'logged-model':
      return ref.runId ? paths.run.href(ref.runId) : null;
    case 'model':
      return paths.model.href(ref.name);
    case 'model-version':
      return paths.modelVersion.href(ref.name, ref.version);
    case 'deployment':
      return paths.deployment.href(ref.deploymentId);
    case 'monitoring':
      return paths.deploymentMonitoring.href(ref.deploymentId);
    case 'commit':
      return null;
  }
}
