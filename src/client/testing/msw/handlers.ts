import { auditHandlers } from './handlers/audit';
import { authHandlers } from './handlers/auth';
import { modelsHandlers } from './handlers/models';
import { monitoringHandlers } from './handlers/monitoring';
import { promotionsHandlers } from './handlers/promotions';
import { runsHandlers } from './handlers/runs';
import { usersHandlers } from './handlers/users';
import { webhooksHandlers } from './handlers/webhooks';

/** Every handler, for the test server and for `npm run dev:mock`. */
export const handlers = [
  ...authHandlers,
  ...usersHandlers,
  ...monitoringHandlers,
  ...auditHandlers,
  ...promotionsHandlers,
  ...webhooksHandlers,
  ...modelsHandlers,
  ...runsHandlers,
];
