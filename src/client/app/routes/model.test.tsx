import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildSession } from '../../testing/factories';
import { buildModelSummary, buildVersionRow } from '../../testing/model-factories';
import { mockSession } from '../../testing/msw/handlers/auth';
import { mockModels } from '../../testing/msw/handlers/models';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';

describe('model page', () => {
  it('lists versions with who registered them, run, key metrics, datasets, aliases and status (deleted ones marked)', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockModels({ versions: [buildVersionRow({ version: 3, status: 'DELETED' }), buildVersionRow({ version: 2, aliases: ['champion'], tags: [{ key: 'stage', value: 'candidate' }] }), buildVersionRow({ version: 1 })] });
    renderRoute(createRoutes, '/models/churn');
    expect(await screen.findByRole('heading', { name: 'churn', level: 1 })).toBeInTheDocument();
    const row = async (name: string) => (await screen.findAllByRole('link', { name })).find((link) => link.closest('tbody'))?.closest('tr') as HTMLElement;
    const v2 = await row('v2');
    expect(within(v2).getByRole('link', { name: 'train-2' })).toHaveAttribute('href', '/runs/run2');
    expect(within(v2).getByRole('link', { name: 'customers' })).toHaveAttribute('href', '/datasets/digest2');
    expect(v2).toHaveTextContent('0.8200');
    expect(v2).toHaveTextContent('@champion');
    expect(v2).toHaveTextContent('stage=candidate');
    const v3 = await row('v3');
    expect(within(v3).getByText('deleted')).toBeInTheDocument();
    expect(within(v3).getByRole('checkbox')).toBeDisabled();
    // The description is markdown, rendered; a viewer cannot edit.
    expect(screen.getByText('churn', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit description' })).not.toBeInTheDocument();
  });

  it('compares two ticked versions side by side, differences marked', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockModels();
    const { user, router } = renderRoute(createRoutes, '/models/churn');
    await user.click(await screen.findByRole('checkbox', { name: 'Compare version 1' }));
    await user.click(screen.getByRole('checkbox', { name: 'Compare version 2' }));
    await user.click(screen.getByRole('button', { name: 'Compare v1 and v2' }));
    const compare = await screen.findByRole('region', { name: 'Compare v1 and v2' });
    const auc = (await within(compare).findByRole('rowheader', { name: 'auc' })).closest('tr') as HTMLElement;
    expect(auc).toHaveTextContent('0.81');
    expect(auc).toHaveTextContent('0.86');
    expect(auc).toHaveAttribute('data-differs', 'true');
    expect(within(compare).getByRole('rowheader', { name: 'tenure' }).closest('tr')).toHaveAttribute('data-differs', 'false');
    expect(new URLSearchParams(router.state.location.search).get('compare')).toBe('1,2');
  });

  it('locks aliases a deployment owns and points to the promotion flow; free ones can be removed by a data scientist', async () => {
    mockSession(buildSession({ role: 'data-scientist' }));
    const calls = mockModels();
    const { user } = renderRoute(createRoutes, '/models/churn');
    const aliases = await screen.findByRole('list', { name: 'Aliases' });
    expect(within(aliases).getByRole('link', { name: 'moved by a promotion' })).toHaveAttribute('href', '/deployments/7');
    expect(within(aliases).queryByRole('button', { name: 'Remove alias production' })).not.toBeInTheDocument();
    await user.click(within(aliases).getByRole('button', { name: 'Remove alias champion' }));
    await user.type(screen.getByLabelText('Tag key'), 'owner');
    await user.type(screen.getByLabelText('Tag value'), 'risk team');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByLabelText('Alias'), 'production');
    await user.type(screen.getByLabelText('Version'), '2');
    await user.click(screen.getByRole('button', { name: 'Set alias' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('owned by the production environment; request a promotion');
    expect(calls).toEqual([
      { route: 'DELETE /api/v1/models/:name/aliases/:alias', body: { alias: 'champion' } },
      { route: 'PUT /api/v1/models/:name/tags/:key', body: { key: 'owner', value: 'risk team' } },
    ]);
  });

  it('finds a model whose name has a slash and unicode, and says when a model does not exist', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    mockModels({ models: [buildModelSummary({ name: 'fraud/détecteur' })] });
    renderRoute(createRoutes, '/models/fraud%2Fd%C3%A9tecteur');
    expect(await screen.findByRole('heading', { name: 'fraud/détecteur', level: 1 })).toBeInTheDocument();
    renderRoute(createRoutes, '/models/nope');
    expect(await screen.findByText('Model not found')).toBeInTheDocument();
  });
});
