import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../testing/factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockRuns } from '../../testing/msw/handlers/runs';
import { renderRoute } from '../../testing/render-route';
import { buildExperiment } from '../../testing/runs-factories';
import { createRoutes } from '../router';

describe('home page', { timeout: 20_000 }, () => {
  it('offers the MLflow quickstart while no run has been logged', async () => {
    mockSession(buildSession({ role: 'data-scientist' }));
    mockRuns({ experiments: [buildExperiment({ experimentId: '0', name: 'Default', runCount: 0, lastRunTime: null })] });
    renderRoute(createRoutes, '/');
    expect(await screen.findByRole('heading', { name: 'Log your first run' })).toBeInTheDocument();
  });

  it('lists the recently active experiments once runs exist', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockRuns({ experiments: [buildExperiment({ experimentId: '7', name: 'churn', runCount: 12 }), buildExperiment({ experimentId: '0', name: 'Default', runCount: 0 })] });
    renderRoute(createRoutes, '/');
    expect(await screen.findByRole('link', { name: 'churn' })).toHaveAttribute('href', '/experiments/7');
    expect(screen.getByText(/12 runs/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Default' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Log your first run' })).not.toBeInTheDocument();
  });
});
