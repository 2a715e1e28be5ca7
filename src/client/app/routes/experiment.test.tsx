import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../testing/factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockRuns, runsRequests } from '../../testing/msw/handlers/runs';
import { renderRoute } from '../../testing/render-route';
import { buildExperiment, buildRunRow } from '../../testing/runs-factories';
import { createRoutes } from '../router';

const experiment = buildExperiment({ experimentId: '7', name: 'churn', description: 'Predict **churn** <img src=x onerror="alert(1)">' });

describe('runs table', { timeout: 60_000 }, () => {
  it('loads, shows fixed and chosen columns, nests children under their parent and sorts', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    const parent = buildRunRow({ runId: 'p'.repeat(32), runName: 'sweep', metrics: { rmse: 0.42 } });
    const child = buildRunRow({ runId: 'c'.repeat(32), runName: 'trial-1', parentRunId: parent.runId, metrics: { rmse: 'NaN' } });
    mockRuns({ experiments: [experiment], runs: [child, buildRunRow({ runName: 'solo' }), parent] });
    const { user, router } = renderRoute(createRoutes, '/experiments/7?metric=rmse');
    const sweep = (await screen.findByRole('link', { name: 'sweep' }, { timeout: 20_000 })).closest('tr')!;
    expect(within(sweep).getByText('0.42')).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1).map((r) => within(r).queryAllByRole('link')[0]?.textContent);
    expect(rows).toEqual(['solo', 'sweep', 'trial-1']);
    expect(within(screen.getByRole('link', { name: 'trial-1' }).closest('tr')!).getByText('NaN')).toBeInTheDocument();
    expect(screen.getByText('Predict')).toBeInTheDocument();
    expect(document.querySelector('img[onerror]')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'rmse' }));
    await expect.poll(() => router.state.location.search).toContain('order=metrics.rmse+DESC');
    await expect.poll(() => JSON.stringify(runsRequests.pages)).toContain('metrics.rmse DESC');
    expect(runsRequests.pages).toContainEqual(expect.objectContaining({ orderBy: ['metrics.rmse DESC'], columns: expect.objectContaining({ metrics: ['rmse'] }) }));
  });

  it('shows a bad filter inline at its token and keeps the previous results', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockRuns({ experiments: [experiment], runs: [buildRunRow({ runName: 'kept' })], badFilter: { text: '~', message: "Invalid comparator '~'", start: 13, end: 14 } });
    const { user } = renderRoute(createRoutes, '/experiments/7');
    await screen.findByRole('link', { name: 'kept' }, { timeout: 20_000 });
    await user.type(screen.getByRole('combobox', { name: 'Filter runs' }), 'metrics.rmse ~ 1');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await expect.poll(() => JSON.stringify(runsRequests.pages)).toContain('~');
    const alert = await screen.findByRole('alert', { name: 'Filter error' });
    expect(alert).toHaveTextContent("Invalid comparator '~'");
    expect(within(alert).getByText('~', { selector: 'mark' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'kept' })).toBeInTheDocument();
  });

  it('suggests keys while typing a filter', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockRuns({ experiments: [experiment], runs: [buildRunRow()] });
    const { user } = renderRoute(createRoutes, '/experiments/7');
    await user.type(await screen.findByRole('combobox', { name: 'Filter runs' }), 'metrics.r');
    expect(await screen.findByRole('option', { name: /rmse/ })).toBeInTheDocument();
  });

  it('explains an empty experiment, a failed load and an unknown id', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockRuns({ experiments: [experiment] });
    const empty = renderRoute(createRoutes, '/experiments/7');
    expect(await screen.findByRole('region', { name: 'No runs in this experiment yet' })).toHaveTextContent('churn');
    empty.unmount();

    mockRuns({ experiments: [experiment], failRuns: true });
    const failed = renderRoute(createRoutes, '/experiments/7');
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is unavailable');
    failed.unmount();

    renderRoute(createRoutes, '/experiments/404');
    expect(await screen.findByRole('region', { name: 'Experiment not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to experiments' })).toHaveAttribute('href', '/experiments');
  });

  it('keeps the selection in the URL and links three runs to the compare page', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    const runs = ['a', 'b', 'c'].map((n) => buildRunRow({ runId: n.repeat(32), runName: n }));
    mockRuns({ experiments: [experiment], runs });
    const { user, router } = renderRoute(createRoutes, '/experiments/7');
    for (const name of ['a', 'b', 'c']) {
      await user.click(await screen.findByRole('checkbox', { name: `Select ${name}` }, { timeout: 20_000 }));
      await waitFor(() => expect(screen.getByRole('checkbox', { name: `Select ${name}` })).toBeChecked());
    }
    await expect.poll(() => router.state.location.search).toBe(`?sel=${'a'.repeat(32)}&sel=${'b'.repeat(32)}&sel=${'c'.repeat(32)}`);
    expect(await screen.findByRole('link', { name: /Compare 3 runs/ })).toHaveAttribute('href', expect.stringContaining(`/compare?runs=${'a'.repeat(32)},${'b'.repeat(32)},${'c'.repeat(32)}`));
  });
});
