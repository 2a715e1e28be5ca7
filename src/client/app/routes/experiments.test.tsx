import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../testing/factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockRuns, runsRequests } from '../../testing/msw/handlers/runs';
import { server } from '../../testing/msw/server';
import { renderRoute } from '../../testing/render-route';
import { buildExperiment } from '../../testing/runs-factories';
import { createRoutes } from '../router';

describe('experiments page', { timeout: 20_000 }, () => {
  it('shows the MLflow quickstart while nothing has been logged', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockRuns({ experiments: [buildExperiment({ experimentId: '0', name: 'Default', runCount: 0, lastRunTime: null })] });
    renderRoute(createRoutes, '/experiments');
    expect(await screen.findByRole('region', { name: 'No runs yet' })).toHaveTextContent('MLFLOW_TRACKING_USERNAME');
  });

  it('lists experiments with run counts, searches by name, and hides writes from viewers', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockRuns({ experiments: [buildExperiment({ name: 'churn', runCount: 1234 }), buildExperiment({ name: 'fraud' })] });
    const { user } = renderRoute(createRoutes, '/experiments');
    const row = (await screen.findByRole('link', { name: 'churn' })).closest('tr')!;
    expect(within(row).getByText('1,234')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New experiment' })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Search experiments'), 'fra');
    expect(await screen.findByRole('link', { name: 'fraud' })).toBeInTheDocument();
    await expect.poll(() => screen.queryByRole('link', { name: 'churn' })).toBeNull();
  });

  it('lets a data scientist create an experiment with a description', async () => {
    mockSession(buildSession({ role: 'data-scientist' }));
    mockRuns({ experiments: [buildExperiment({ name: 'churn' })] });
    const { user } = renderRoute(createRoutes, '/experiments');
    await user.click(await screen.findByRole('button', { name: 'New experiment' }));
    const dialog = screen.getByRole('dialog', { name: 'New experiment' });
    await user.type(within(dialog).getByLabelText('Name'), 'ranking');
    await user.type(within(dialog).getByLabelText('Description'), 'Try **LambdaMART**');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await expect.poll(() => runsRequests.created).toEqual([{ name: 'ranking', description: 'Try **LambdaMART**' }]);
  });

  it('says what failed and offers a retry', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    server.use(http.get('/api/v1/experiments', () => HttpResponse.json({ error: { code: 'INTERNAL_ERROR', message: 'Database offline' } }, { status: 500 })));
    renderRoute(createRoutes, '/experiments');
    expect(await screen.findByRole('alert')).toHaveTextContent('Database offline');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
