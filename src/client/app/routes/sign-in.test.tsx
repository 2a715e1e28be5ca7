import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockSession } from '../../testing/msw/handlers/auth';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';

describe('sign-in', () => {
  it('sends a signed-out visitor to sign-in and back to the page they asked for', async () => {
    mockSession(null);
    const { user, router } = renderRoute(createRoutes, '/settings/tokens');

    expect(await screen.findByRole('heading', { name: 'Sign in to Sextant' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?returnTo=%2Fsettings%2Ftokens');

    await user.type(screen.getByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'API tokens' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/tokens');
  });

  it('shows the server’s message for wrong credentials and stays on the form', async () => {
    mockSession(null);
    const { user } = renderRoute(createRoutes, '/sign-in');
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('never follows a returnTo that leaves the site', async () => {
    mockSession(null);
    const { user, router } = renderRoute(createRoutes, '/sign-in?returnTo=//evil.example.com');
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('heading', { name: /Welcome/ });
    expect(router.state.location.pathname).toBe('/');
  });
});
