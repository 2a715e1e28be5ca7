import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getLineage } from '../../../shared/contract/lineage';
import { buildSession } from '../../testing/factories';
import { buildVersionDetail } from '../../testing/model-factories';
import { contractHandler, errorResponse } from '../../testing/msw/contract-handler';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockModels } from '../../testing/msw/handlers/models';
import { server } from '../../testing/msw/server';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';

describe('model version page', () => {
  it('shows the signature as a table, flavors, the source run, monitoring and the lineage graph', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockModels();
    const { user } = renderRoute(createRoutes, '/models/churn/versions/1');
    expect(await screen.findByRole('heading', { name: 'churn v1', level: 1 })).toBeInTheDocument();
    const tenure = screen.getByRole('cell', { name: 'tenure' }).closest('tr') as HTMLElement;
    expect(tenure).toHaveTextContent('double');
    expect(tenure).toHaveTextContent('required');
    expect(screen.getByRole('cell', { name: 'plan' }).closest('tr')).toHaveTextContent('optional');
    expect(screen.getByRole('link', { name: 'train-1' })).toHaveAttribute('href', '/runs/run1');
    expect(screen.getByText('sklearn')).toBeInTheDocument();
    expect(screen.getByText('20.5 kB · MLflow 3.1.0')).toBeInTheDocument();
    expect(await screen.findByText('1,200')).toBeInTheDocument();
    expect(screen.getByText('tenure', { selector: 'dd' })).toBeInTheDocument();
    // The graph draws every node with a link to its page (React Flow keeps nodes hidden until it
    // has measured them, which jsdom never does: so the links are read from the DOM).
    const lineage = screen.getByRole('region', { name: 'Lineage' });
    expect(await within(lineage).findByTestId('lineage-node-dataset', {}, { timeout: 5000 })).toBeInTheDocument();
    const links = [...lineage.querySelectorAll('a')].map((a) => [a.getAttribute('aria-label'), a.getAttribute('href')]);
    expect(links).toEqual([
      ['Dataset customers', '/datasets/digest1'],
      ['Run train-1', '/runs/run1'],
      ['Registered model churn', '/models/churn'],
      ['Model version churn v1', '/models/churn/versions/1'],
      ['Deployment production', '/deployments/7'],
      ['Monitoring Monitoring', '/deployments/7/monitoring'],
    ]);
    // The list view, for keyboards and screen readers.
    await user.click(within(lineage).getByRole('button', { name: 'Show as list' }));
    const datasets = within(lineage).getByRole('region', { name: 'datasets (1)' });
    expect(within(datasets).getByRole('link', { name: 'customers' })).toHaveAttribute('href', '/datasets/digest1');
    expect(within(lineage).getByRole('region', { name: 'runs (1)' })).toHaveTextContent('from customers; to churn v1');
    // A viewer sees neither the promote button nor editors.
    expect(screen.queryByRole('button', { name: 'Promote this version' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Tag key')).not.toBeInTheDocument();
  });

  it('opens the promotion dialog for this version for an engineer', async () => {
    mockSession(buildSession({ role: 'ml-engineer' }));
    mockModels();
    const { user } = renderRoute(createRoutes, '/models/churn/versions/1');
    await user.click(await screen.findByRole('button', { name: 'Promote this version' }));
    expect(await screen.findByRole('dialog')).toHaveTextContent('churn');
  });

  it('marks a deleted version and offers no edits', async () => {
    mockSession(buildSession({ role: 'data-scientist' }));
    mockModels({ details: [buildVersionDetail({ version: 3, status: 'DELETED' })] });
    renderRoute(createRoutes, '/models/churn/versions/3');
    expect(await screen.findByText('deleted')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit description' })).not.toBeInTheDocument();
  });

  it('says when the version does not exist, and shows a lineage error with a retry', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockModels();
    renderRoute(createRoutes, '/models/churn/versions/9');
    expect(await screen.findByText('Version not found')).toBeInTheDocument();
    server.use(contractHandler(getLineage, () => errorResponse(500, 'INTERNAL_ERROR', 'Lineage unavailable')));
    renderRoute(createRoutes, '/models/churn/versions/1');
    expect(await screen.findByText('Lineage unavailable')).toBeInTheDocument();
  });
});
