import { authHandlers } from './handlers/auth';
import { usersHandlers } from './handlers/users';

/** Every handler, for the test server and for `npm run dev:mock`. */
export const handlers = [...authHandlers, ...usersHandlers];
