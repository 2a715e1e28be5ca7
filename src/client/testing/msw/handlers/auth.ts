import { getMe, signIn, signOut, updateMe, changeMyPassword } from '../../../../shared/contract/auth';
import { buildSession } from '../../factories';
import { contractHandler, errorResponse } from '../contract-handler';

/** The signed-in session the handlers answer with; tests replace it with `mockSession`. */
let session: ReturnType<typeof buildSession> | null = buildSession({ username: 'ada', displayName: 'Ada Lovelace', role: 'admin' });

export function mockSession(next: ReturnType<typeof buildSession> | null) {
  session = next;
}

export const authHandlers = [
  contractHandler(getMe, () => session ?? errorResponse(401, 'UNAUTHENTICATED', 'Sign in required')),
  contractHandler(signIn, ({ body }) => {
    const { username, password } = body as { username: string; password: string };
    if (password !== 'correct horse battery') return errorResponse(401, 'UNAUTHENTICATED', 'Wrong username or password');
    session = buildSession({ username, displayName: username, role: 'admin' });
    return session;
  }),
  contractHandler(signOut, () => {
    session = null;
    return {};
  }),
  contractHandler(updateMe, ({ body }) => {
    if (!session) return errorResponse(401, 'UNAUTHENTICATED', 'Sign in required');
    session = { ...session, user: { ...session.user, displayName: (body as { displayName: string }).displayName } };
    return session.user;
  }),
  contractHandler(changeMyPassword, () => ({})),
];
