import { auditHandlers } from './handlers/audit';
import { authHandlers } from './handlers/auth';
import { monitoringHandlers } from './handlers/monitoring';
import { usersHandlers } from './handlers/users';

/** Every handler, for the test server and for `npm run dev:mock`. */
export const handlers = [...authHandlers, ...usersHandlers, ...monitoringHandlers, ...auditHandlers];
