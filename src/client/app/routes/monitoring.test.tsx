import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../testing/factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockMonitoring } from '../../testing/msw/handlers/monitoring';
import { server } from '../../testing/msw/server';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';

describe('monitoring pages', () => {
  it('lists monitored deployments with health and open alerts linking to rollback', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockMonitoring({});
    renderRoute(createRoutes, '/monitoring');
    expect(await screen.findByRole('link', { name: 'churn · production' })).toHaveAttribute('href', '/deployments/1/monitoring');
    const alerts = screen.getByRole('list', { name: 'Alerts' });
    expect(within(alerts).getByRole('link', { name: 'Roll back to stable' })).toHaveAttribute('href', '/deployments/1');
  });

  it('shows the empty state without deployments, and an error with a retry', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockMonitoring({ deployments: [], alerts: [] });
    const view = renderRoute(createRoutes, '/monitoring');
    expect(await screen.findByRole('heading', { name: 'No monitored deployments' })).toBeInTheDocument();
    view.unmount();
    server.use(http.get('/api/v1/monitoring/deployments', () => HttpResponse.json({ error: { code: 'INTERNAL_ERROR', message: 'database is down' } }, { status: 500 })));
    renderRoute(createRoutes, '/monitoring');
    expect(await screen.findByRole('alert')).toHaveTextContent('database is down');
  });

  it('shows the drift heatmap of a deployment and drills into a feature', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockMonitoring({});
    const { user } = renderRoute(createRoutes, '/deployments/1/monitoring?range=24h');
    const heatmap = await screen.findByRole('table', { name: 'Drift heatmap' });
    const income = within(heatmap).getAllByRole('button').filter((b) => b.getAttribute('aria-label')?.startsWith('income at'));
    expect(income.map((b) => b.dataset.drifted)).toEqual(['false', 'false', 'true', 'true']);
    const age = within(heatmap).getAllByRole('button').filter((b) => b.getAttribute('aria-label')?.startsWith('age at'));
    expect(age.every((b) => b.dataset.drifted === 'false')).toBe(true);
    await user.click(within(heatmap).getByRole('button', { name: 'income' }));
    expect(await screen.findByLabelText('drift rule')).toHaveTextContent('Wasserstein (normed) 0.4 ≥ 0.1');
    expect(screen.getByRole('figure', { name: 'income reference and current distributions' })).toBeInTheDocument();
  }, 20_000);

  it('says when a version has no reference profile', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockMonitoring({ drift: { version: '1', resolution: '1h', driftShareThreshold: 0.5, features: [], windows: [] } });
    renderRoute(createRoutes, '/deployments/1/monitoring');
    expect(await screen.findByRole('heading', { name: 'No reference profile for this version' })).toBeInTheDocument();
  });
});
