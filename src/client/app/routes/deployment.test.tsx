import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../testing/factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockMonitoring } from '../../testing/msw/handlers/monitoring';
import { mockPromotions } from '../../testing/msw/handlers/promotions';
import { buildDeploymentDetail, buildHistoryEntry, buildRequestDetail } from '../../testing/promotion-factories';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';

const canaryDetail = buildDeploymentDetail(
  { stableVersion: 1, canaryVersion: 2, canaryWeight: 10, status: 'canary', canarySteps: [10, 50, 100], revision: 2 },
  {
    history: [
      buildHistoryEntry({ revision: 2, change: 'canary-start', canaryVersion: 2, canaryWeight: 10, status: 'canary', changedAt: '2026-11-02T10:00:00.000Z', justification: 'Try v2' }),
      buildHistoryEntry(),
    ],
    lastKnownGood: 1,
    nextCanaryStep: 50,
  },
);

describe('deployment page', { timeout: 20_000 }, () => {
  it('shows what serves, the timeline with version markers and the history', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockPromotions({ detail: canaryDetail });
    renderRoute(createRoutes, '/deployments/1');
    expect(await screen.findByRole('heading', { name: 'churn in production' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Canary version' })).toHaveTextContent('v2 10 %');
    const timeline = screen.getByRole('img', { name: 'Deployment history timeline' });
    expect(within(timeline).getByText('v1')).toBeInTheDocument();
    expect(within(timeline).getByText('v2')).toBeInTheDocument();
    expect(timeline.querySelectorAll('circle')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'canary-start' })).toHaveAttribute('href', '/approvals/1');
    // Monitoring has nothing to recommend yet (the default fixture).
    expect(await screen.findByText('No recommendation yet: monitoring has not seen enough canary and stable traffic.')).toBeInTheDocument();
    // A viewer sees no controls.
    expect(screen.queryByRole('button', { name: /Step up/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Roll back/ })).not.toBeInTheDocument();
  });

  it('shows monitoring’s canary recommendation with its reasons', async () => {
    mockSession(buildSession({ username: 'erin', role: 'ml-engineer' }));
    mockPromotions({ detail: canaryDetail });
    mockMonitoring({ canary: { stable: null, canary: null, recommendation: { analysis: 'Failed', decision: 'rollback', reasons: ['canary p99 450 ms is over 1.2 × stable (120 ms)'] } } });
    renderRoute(createRoutes, '/deployments/1');
    const note = await screen.findByRole('status', { name: 'Canary recommendation' });
    expect(note).toHaveTextContent('rollback');
    expect(note).toHaveTextContent('analysis Failed');
    expect(within(note).getByRole('listitem')).toHaveTextContent('canary p99 450 ms is over 1.2 × stable (120 ms)');
    expect(screen.getByRole('link', { name: 'canary versus stable on the monitoring page' })).toHaveAttribute('href', '/deployments/1/monitoring');
    expect(screen.getByRole('button', { name: 'Step up to 50 %' })).toBeInTheDocument();
  });

  it('steps the canary up along its plan with a reason', async () => {
    mockSession(buildSession({ username: 'erin', role: 'ml-engineer' }));
    const calls = mockPromotions({ detail: canaryDetail, onCreate: () => buildRequestDetail({ id: '20', kind: 'canary-step', state: 'applied', targetWeight: 50 }) });
    const { user } = renderRoute(createRoutes, '/deployments/1');
    await user.type(await screen.findByLabelText('Reason for the change'), 'Error rate flat');
    await user.click(screen.getByRole('button', { name: 'Step up to 50 %' }));
    // Not the only status on the page: the canary analysis is one too.
    expect((await screen.findAllByRole('status')).some((s) => s.textContent?.includes('Applied: canary step'))).toBe(true);
    expect(calls.created).toEqual([{ kind: 'canary-step', modelName: 'churn', environment: 'production', justification: 'Error rate flat' }]);
  });

  it('rolls back with break-glass only after a real justification', async () => {
    mockSession(buildSession({ username: 'erin', role: 'ml-engineer' }));
    const calls = mockPromotions({ detail: canaryDetail, onCreate: () => buildRequestDetail({ id: '21', kind: 'rollback', version: 1, state: 'applied', breakGlass: true }) });
    const { user } = renderRoute(createRoutes, '/deployments/1');
    await user.click(await screen.findByRole('button', { name: 'Roll back to v1' }));
    const dialog = screen.getByRole('dialog', { name: 'Roll back churn in production' });
    await user.type(within(dialog).getByLabelText('Justification'), 'Latency');
    expect(within(dialog).getByRole('button', { name: 'Roll back to v1 now' })).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Justification'), ' doubled after the canary went to 10 %');
    await user.click(within(dialog).getByRole('button', { name: 'Roll back to v1 now' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Request #21 to roll production back to v1: applied');
    expect(calls.created).toEqual([
      { kind: 'rollback', modelName: 'churn', environment: 'production', version: 1, breakGlass: true, justification: 'Latency doubled after the canary went to 10 %' },
    ]);
  });
});
