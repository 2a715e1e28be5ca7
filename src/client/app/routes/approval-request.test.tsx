import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../testing/factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockPromotions } from '../../testing/msw/handlers/promotions';
import { buildRequestDetail } from '../../testing/promotion-factories';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';


describe('request page', { timeout: 20_000 }, () => {
  it('shows gates with numbers, the diff against what serves, the lineage link and the timeline', async () => {
    mockSession(buildSession({ username: 'alice', role: 'approver' }));
    mockPromotions();
    renderRoute(createRoutes, '/approvals/7');
    expect(await screen.findByRole('heading', { name: 'Request #7: churn' })).toBeInTheDocument();
    const gates = screen.getByRole('list', { name: 'Gate results' });
    expect(within(gates).getByRole('listitem', { name: 'no critical drift against the reference: warning' })).toHaveTextContent('No live predictions for v2 in the last 24 h: drift was not checked');
    const metrics = screen.getByRole('table', { name: 'Metrics' });
    expect(within(metrics).getByRole('row', { name: /auc/ })).toHaveTextContent('0.88(+0.02)0.86');
    expect(within(screen.getByRole('table', { name: 'Params' })).getByRole('row', { name: /depth/ })).toHaveTextContent(/^depth\s*8\s*6$/);
    expect(screen.getByRole('link', { name: /churn v2: runs, datasets and deployments/ })).toHaveAttribute('href', '/models/churn/versions/2');
    expect(within(screen.getByRole('list', { name: 'Timeline' })).getByText('created')).toBeInTheDocument();
  });

  it('lets an approver approve with a comment and shows the decision', async () => {
    mockSession(buildSession({ username: 'alice', role: 'approver' }));
    mockPromotions();
    const { user } = renderRoute(createRoutes, '/approvals/7');
    await user.type(await screen.findByLabelText('Comment'), 'Backtest reviewed');
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const decisions = await screen.findByRole('list', { name: 'Decisions' });
    expect(decisions).toHaveTextContent('approved alice (approver)');
    expect(decisions).toHaveTextContent('Backtest reviewed');
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('shows why an apply was refused, in place', async () => {
    mockSession(buildSession({ username: 'erin', role: 'ml-engineer' }));
    mockPromotions({ requests: [buildRequestDetail({ state: 'approved', approvalCount: 1 }, { yourActions: ['cancel', 'apply', 'comment'] })] });
    const { user } = renderRoute(createRoutes, '/approvals/7');
    await user.click(await screen.findByRole('button', { name: 'Apply' }));
    expect(await screen.findByText(/deployment changed since the request was made \(revision 1, now 2\)/, { selector: '[role="alert"]' })).toBeInTheDocument();
  });
});
