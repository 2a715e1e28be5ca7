import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../testing/factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockModels } from '../../testing/msw/handlers/models';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';

describe('dataset page', () => {
  it('lists the runs that used the digest and the versions made from them', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockModels();
    renderRoute(createRoutes, '/datasets/digest1');
    expect(await screen.findByRole('heading', { name: 'Dataset customers', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'train-1' })).toHaveAttribute('href', '/runs/run1');
    expect(screen.getByRole('link', { name: 'churn v1' })).toHaveAttribute('href', '/models/churn/versions/1');
    expect(screen.getByRole('cell', { name: 'training' })).toBeInTheDocument();
  });

  it('says when no run logged the digest', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockModels({ dataset: null });
    renderRoute(createRoutes, '/datasets/unknown');
    expect(await screen.findByText('Dataset not found')).toBeInTheDocument();
  });
});
