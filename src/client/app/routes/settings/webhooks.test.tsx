import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../../testing/factories';
import { mockSession } from '../../../testing/msw/handlers/auth';
import { mockWebhooks } from '../../../testing/msw/handlers/webhooks';
import { renderRoute } from '../../../testing/render-route';
import { createRoutes } from '../../router';

describe('settings → webhooks', { timeout: 20_000 }, () => {
  it('refuses a loopback URL next to the field, then shows the signing secret once', async () => {
    mockSession(buildSession({ role: 'admin', username: 'ada' }));
    mockWebhooks([]);
    const { user } = renderRoute(createRoutes, '/settings/webhooks');
    expect(await screen.findByText('No webhooks yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));
    const dialog = screen.getByRole('dialog', { name: 'Add webhook' });
    await user.type(within(dialog).getByLabelText('Name'), 'release bot');
    await user.type(within(dialog).getByLabelText('URL'), 'http://127.0.0.1:9000/hook');
    await user.click(within(dialog).getByRole('button', { name: 'Add webhook' }));
    expect(await within(dialog).findByText('127.0.0.1 is a loopback, private or link-local address')).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText('URL'));
    await user.type(within(dialog).getByLabelText('URL'), 'https://hooks.example.com/sextant');
    await user.type(within(dialog).getByLabelText('Events'), 'promotion.*, deployment.changed');
    await user.click(within(dialog).getByRole('button', { name: 'Add webhook' }));
    expect(within(await within(dialog).findByRole('status')).getByLabelText('webhook signing secret')).toHaveTextContent('whsec_test-secret-shown-once');
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    const row = await screen.findByRole('listitem', { name: 'Webhook release bot' });
    expect(row).toHaveTextContent('promotion.*, deployment.changed');
    expect(screen.queryByText('whsec_test-secret-shown-once')).not.toBeInTheDocument();
  });
});
