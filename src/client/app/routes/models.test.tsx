import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listModels } from '../../../shared/contract/models';
import { buildSession } from '../../testing/factories';
import { buildModelSummary } from '../../testing/model-factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockModels } from '../../testing/msw/handlers/models';
import { contractHandler, errorResponse } from '../../testing/msw/contract-handler';
import { server } from '../../testing/msw/server';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';

describe('models list', () => {
  it('shows a loading state, then each model with aliases (owned ones locked), latest version, serving and owner', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockModels();
    renderRoute(createRoutes, '/models');
    expect(await screen.findByText('Loading models…')).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'churn' });
    expect(link).toHaveAttribute('href', '/models/churn');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByRole('link', { name: 'v2' })).toHaveAttribute('href', '/models/churn/versions/2');
    expect(within(row).getByText('@production v1')).toBeInTheDocument();
    expect(within(row).getByLabelText('Locked')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'production' })).toHaveAttribute('href', '/deployments/7');
    expect(row).toHaveTextContent('ada');
  });

  it('encodes names with slashes, spaces and unicode in links', async () => {
    mockModels({ models: [buildModelSummary({ name: 'fraud/détecteur v2', aliases: [], serving: [] })] });
    renderRoute(createRoutes, '/models');
    expect(await screen.findByRole('link', { name: 'fraud/détecteur v2' })).toHaveAttribute('href', '/models/fraud%2Fd%C3%A9tecteur%20v2');
  });

  it('explains how to register a model when there is none', async () => {
    mockModels({ models: [] });
    renderRoute(createRoutes, '/models');
    expect(await screen.findByText('No registered models yet')).toBeInTheDocument();
  });

  it('keeps the search in the URL and says when it matches nothing', async () => {
    mockModels();
    renderRoute(createRoutes, '/models?q=zzz');
    expect(await screen.findByText('No model matches this search.')).toBeInTheDocument();
    expect(screen.getByLabelText('Search by name')).toHaveValue('zzz');
  });

  it('shows an error with a retry', async () => {
    server.use(contractHandler(listModels, () => errorResponse(500, 'INTERNAL_ERROR', 'Database is down')));
    renderRoute(createRoutes, '/models');
    expect(await screen.findByRole('alert')).toHaveTextContent('Database is down');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
