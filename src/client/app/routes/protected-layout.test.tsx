import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../testing/factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockRuns } from '../../testing/msw/handlers/runs';
import { buildExperiment } from '../../testing/runs-factories';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';

describe('application shell', () => {
  it('offers every section in the navigation', async () => {
    mockSession(buildSession({ role: 'viewer', displayName: 'Vera Viewer' }));
    renderRoute(createRoutes, '/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const labels = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(labels).toEqual(['Overview', 'Runs', 'Models', 'Deployments', 'Approvals', 'Monitoring', 'Audit', 'Settings']);
    expect(screen.getByText('Vera Viewer')).toBeInTheDocument();
  });

  it('shows the Runs empty state with the Python lines that fill it', async () => {
    mockSession(buildSession({ username: 'grace', role: 'data-scientist' }));
    mockRuns({ experiments: [buildExperiment({ experimentId: '0', name: 'Default', runCount: 0, lastRunTime: null })] });
    renderRoute(createRoutes, '/experiments');
    expect(await screen.findByRole('region', { name: 'No runs yet' })).toBeInTheDocument();
    expect(screen.getByLabelText('python setup')).toHaveTextContent('mlflow.set_tracking_uri("http://localhost:3000")');
    expect(screen.getByLabelText('shell setup')).toHaveTextContent('MLFLOW_TRACKING_USERNAME=grace');
  });

  it('offers Settings → Users to admins only', async () => {
    mockSession(buildSession({ role: 'data-scientist' }));
    const first = renderRoute(createRoutes, '/settings/profile');
    const tabs = await screen.findByRole('navigation', { name: 'Settings' });
    expect(within(tabs).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    first.unmount();

    mockSession(buildSession({ role: 'admin' }));
    renderRoute(createRoutes, '/settings/profile');
    const adminTabs = await screen.findByRole('navigation', { name: 'Settings' });
    expect(within(adminTabs).getByRole('link', { name: 'Users' })).toBeInTheDocument();
  });

  it('shows a not-found page with a way back for unknown addresses', async () => {
    mockSession(buildSession());
    renderRoute(createRoutes, '/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the overview' })).toHaveAttribute('href', '/');
  });
});
