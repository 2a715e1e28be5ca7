import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../testing/factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockPromotions } from '../../testing/msw/handlers/promotions';
import { buildRequestDetail } from '../../testing/promotion-factories';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';

describe('approvals inbox', { timeout: 20_000 }, () => {
  it('opens on the requests an approver may decide, with the justification and gates up front', async () => {
    mockSession(buildSession({ username: 'alice', role: 'approver' }));
    const calls = mockPromotions({ requests: [buildRequestDetail(), buildRequestDetail({ id: '8', state: 'failed', gateSummary: { pass: 0, fail: 1, warning: 0 } })] });
    renderRoute(createRoutes, '/approvals');
    expect(await screen.findByRole('tab', { name: 'Mine to approve', selected: true })).toBeInTheDocument();
    const row = (await screen.findByRole('link', { name: '#7 churn' })).closest('tr')!;
    expect(within(row).getByText('promote v2 to production (canary 10 → 50 → 100 %)')).toBeInTheDocument();
    expect(within(row).getByText('Better AUC on the October backtest')).toBeInTheDocument();
    expect(within(row).getByText('0 of 1')).toBeInTheDocument();
    expect(within(row).getByText('1 pass')).toBeInTheDocument();
    expect(calls.listQueries.at(-1)?.get('view')).toBe('mine-to-approve');
  });

  it('keeps the view and filters in the URL and asks the server with them', async () => {
    mockSession(buildSession({ username: 'erin', role: 'ml-engineer' }));
    const calls = mockPromotions({ requests: [buildRequestDetail({ requestedBy: { id: '3', username: 'erin' } })] });
    const { user, router } = renderRoute(createRoutes, '/approvals?state=pending');
    expect(await screen.findByRole('tab', { name: 'My requests', selected: true })).toBeInTheDocument();
    expect(screen.getByLabelText('State')).toHaveValue('pending');

    await screen.findByRole('option', { name: 'production' });
    await user.selectOptions(screen.getByLabelText('Environment'), 'production');
    await waitFor(() => expect(router.state.location.search).toBe('?view=my-requests&state=pending&environment=production'));
    // The router renders the new URL in a transition, which a busy machine may defer: the tabs
    // build the next URL from the rendered filters, so click them once the page shows the filter.
    await waitFor(() => expect(screen.getByLabelText('Environment')).toHaveValue('production'));
    await user.click(screen.getByRole('tab', { name: 'All' }));
    await waitFor(() => expect(router.state.location.search).toBe('?view=all&state=pending&environment=production'));
    await waitFor(() => {
      const last = calls.listQueries.at(-1)!;
      expect([last.get('view'), last.get('state'), last.get('environment')]).toEqual(['all', 'pending', 'production']);
    });
  });

  it('says when nothing waits', async () => {
    mockSession(buildSession({ role: 'approver' }));
    mockPromotions({ requests: [] });
    renderRoute(createRoutes, '/approvals');
    expect(await screen.findByRole('heading', { name: 'Nothing waits for you' })).toBeInTheDocument();
  });
});
