import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../testing/factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockMonitoring } from '../../testing/msw/handlers/monitoring';
import { mockPromotions } from '../../testing/msw/handlers/promotions';
import { buildDeployment, buildGate, buildRequestDetail } from '../../testing/promotion-factories';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';

describe('deployments overview and the Promote dialog', { timeout: 20_000 }, () => {
  it('lists every model × environment with stable, canary weight and monitoring’s health of the last hour', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockPromotions({ deployments: [buildDeployment(), buildDeployment({ id: '2', environment: 'staging', stableVersion: 1, canaryVersion: 2, canaryWeight: 25, status: 'canary' })] });
    const quiet = { events: 0, errorRate: null, p99: null, driftShare: null, openAlerts: 0, lastEventAt: null };
    mockMonitoring({
      deployments: [
        { id: '1', modelName: 'churn', environment: 'production', stableVersion: '1', canaryVersion: null, canaryWeight: 0, health: { events: 1200, errorRate: 0.01, p99: 120, driftShare: 0.33, openAlerts: 1, lastEventAt: '2026-11-20T10:00:00.000Z' } },
        { id: '2', modelName: 'churn', environment: 'staging', stableVersion: '1', canaryVersion: '2', canaryWeight: 25, health: quiet },
      ],
    });
    renderRoute(createRoutes, '/deployments');
    const staging = (await screen.findByRole('link', { name: 'churn in staging' })).closest('tr')!;
    expect(within(staging).getByText('v2 canary 25 %')).toBeInTheDocument();
    expect(within(staging).getByRole('meter', { name: 'Canary traffic' })).toHaveAttribute('aria-valuenow', '25');
    expect(await within(staging).findByRole('link', { name: 'no traffic in the last hour' })).toHaveAttribute('href', '/deployments/2/monitoring');
    const production = screen.getByRole('link', { name: 'churn in production' }).closest('tr')!;
    const health = within(production).getByRole('link', { name: /^Health: 1 open alerts/ });
    expect(health).toHaveTextContent('1 open alertp99 120 ms · errors 1.0 % · drift 33.0 %');
    expect(health).toHaveAttribute('href', '/deployments/1/monitoring');
    expect(screen.queryByRole('button', { name: 'Promote a version' })).not.toBeInTheDocument();
  });

  it('picks a version, shows the gates at once, and reports a request that failed its gates', async () => {
    mockSession(buildSession({ username: 'erin', role: 'ml-engineer' }));
    const failing = buildGate({ type: 'required-tags', label: 'tags present: model_card, validated_by', status: 'fail', message: 'Missing tag: validated_by', observed: 1, expected: 2 });
    const calls = mockPromotions({
      onCreate: () => buildRequestDetail({ id: '12', state: 'failed', failureReason: 'Gate failed: tags present: model_card, validated_by (Missing tag: validated_by)' }, { gates: [failing] }),
    });
    const { user } = renderRoute(createRoutes, '/deployments');
    await user.click(await screen.findByRole('button', { name: 'Promote a version' }));
    const dialog = screen.getByRole('dialog', { name: 'Promote a version' });
    expect(within(dialog).getByText('Choose a version and an environment to run the gates.')).toBeInTheDocument();

    await user.selectOptions(await within(dialog).findByLabelText('Model'), 'churn');
    await user.selectOptions(within(dialog).getByLabelText('Version'), '2');
    await user.selectOptions(within(dialog).getByLabelText('Environment'), 'production');
    await user.selectOptions(within(dialog).getByLabelText('Strategy'), 'canary');
    await user.clear(within(dialog).getByLabelText('Canary steps (%)'));
    await user.type(within(dialog).getByLabelText('Canary steps (%)'), '10, 50, 100');
    await user.type(within(dialog).getByLabelText('Justification'), 'Better AUC');
    expect(await within(dialog).findByRole('listitem', { name: 'MLmodel signature present: pass' })).toBeInTheDocument();
    expect(within(dialog).getByText(/Needs 1 approval from approver or admin/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Request promotion' }));
    const outcome = await within(dialog).findByRole('status');
    expect(outcome).toHaveTextContent('Request #12 to promote v2 to production');
    expect(outcome).toHaveTextContent('Missing tag: validated_by');
    expect(within(outcome).getByRole('listitem', { name: 'tags present: model_card, validated_by: fail' })).toHaveTextContent('1 / 2');
    expect(within(outcome).getByRole('link', { name: 'Open request #12' })).toHaveAttribute('href', '/approvals/12');
    expect(calls.created).toEqual([
      { kind: 'promote', modelName: 'churn', version: 2, environment: 'production', strategy: 'canary', canarySteps: [10, 50, 100], justification: 'Better AUC' },
    ]);
  });
});
