import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../../testing/factories';
import { mockSession } from '../../../testing/msw/handlers/auth';
import { mockUsersAndTokens } from '../../../testing/msw/handlers/users';
import { server } from '../../../testing/msw/server';
import { renderRoute } from '../../../testing/render-route';
import { createRoutes } from '../../router';

describe('settings', () => {
  it('creates an API token and shows its secret once, with the MLflow lines', async () => {
    mockSession(buildSession({ username: 'grace' }));
    mockUsersAndTokens({ tokens: [] });
    const { user } = renderRoute(createRoutes, '/settings/tokens');
    expect(await screen.findByText('You have no API tokens yet.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Token name'), 'laptop');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    const created = await screen.findByRole('status');
    expect(within(created).getByLabelText('new API token')).toHaveTextContent('sxt_0123456789abcdefghij');
    expect(within(created).getByLabelText('MLflow environment')).toHaveTextContent('MLFLOW_TRACKING_USERNAME=grace');
    expect(await screen.findByRole('cell', { name: 'laptop' })).toBeInTheDocument();
  });

  it('shows an error with a retry when tokens cannot be loaded', async () => {
    mockSession(buildSession());
    server.use(http.get('/api/v1/me/tokens', () => HttpResponse.json({ error: { code: 'INTERNAL_ERROR', message: 'database is down' } }, { status: 500 })));
    renderRoute(createRoutes, '/settings/tokens');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('database is down');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('lets an admin create a user and shows a duplicate name error inline', async () => {
    mockSession(buildSession({ role: 'admin', username: 'ada' }));
    mockUsersAndTokens({});
    const { user } = renderRoute(createRoutes, '/settings/users');
    expect(await screen.findByRole('combobox', { name: 'Role of grace' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create user' }));
    const dialog = screen.getByRole('dialog', { name: 'Create user' });
    await user.type(within(dialog).getByLabelText('Username'), 'grace');
    await user.type(within(dialog).getByLabelText('Initial password'), 'a-long-password');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('A user named "grace" already exists');

    await user.clear(within(dialog).getByLabelText('Username'));
    await user.type(within(dialog).getByLabelText('Username'), 'linus');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));
    expect(await screen.findByRole('combobox', { name: 'Role of linus' })).toHaveValue('data-scientist');
  });
});
