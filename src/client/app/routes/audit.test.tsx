import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { listAuditEvents } from '../../../shared/contract/audit';
import { describe, expect, it } from 'vitest';
import { buildAuditEvent, buildChainStatus, buildSession } from '../../testing/factories';
import { contractHandler } from '../../testing/msw/contract-handler';
import { auditRequests, mockAudit } from '../../testing/msw/handlers/audit';
import { mockSession } from '../../testing/msw/handlers/auth';
import { buildAlert, mockMonitoring } from '../../testing/msw/handlers/monitoring';
import { server } from '../../testing/msw/server';
import { renderRoute } from '../../testing/render-route';
import { createRoutes } from '../router';

const roleChange = buildAuditEvent({
  seq: 7,
  action: 'user.updated',
  entityType: 'user',
  entityId: '3',
  actor: { id: '1', name: 'ada', via: 'token:12' },
  before: { username: 'grace', role: 'viewer', disabled: false },
  after: { username: 'grace', role: 'admin', disabled: false },
  justification: 'covering on-call',
});
const signIn = buildAuditEvent({ seq: 6, action: 'auth.signed-in', actor: { id: '3', name: 'grace', via: 'proxy' }, entityId: '3' });

describe('audit page', () => {
  it('shows a loading state, then the trail newest first with who, how, where and why', async () => {
    mockSession(buildSession({ role: 'auditor' }));
    let respond = () => {};
    const answered = new Promise<void>((resolve) => (respond = resolve));
    server.use(
      contractHandler(listAuditEvents, async () => {
        await answered;
        return { items: [roleChange, signIn], nextCursor: null };
      }),
    );
    renderRoute(createRoutes, '/audit');
    expect(await screen.findByText('Loading the trail…', {}, { timeout: 5000 })).toBeInTheDocument();
    respond();
    const rows = await screen.findAllByRole('row');
    expect(rows[1]).toHaveTextContent('ada');
    expect(rows[1]).toHaveTextContent('via API token #12');
    expect(rows[1]).toHaveTextContent('user.updated');
    expect(rows[1]).toHaveTextContent('10.0.0.7');
    expect(rows[1]).toHaveTextContent('covering on-call');
    expect(rows[2]).toHaveTextContent('via SSO');
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'History of user 3' })).toHaveAttribute('href', '/audit?historyType=user&historyId=3');
    expect(await screen.findByText('Hash chain verified up to event 12.')).toBeInTheDocument();
  });

  it('says so when nothing matches, and shows errors with a retry', async () => {
    mockSession(buildSession({ role: 'admin' }));
    mockAudit({ events: [] });
    const first = renderRoute(createRoutes, '/audit?action=nothing.');
    expect(await screen.findByText('No events match these filters.')).toBeInTheDocument();
    first.unmount();

    server.use(http.get('/api/v1/audit/events', () => HttpResponse.json({ error: { code: 'INTERNAL_ERROR', message: 'database is down' } }, { status: 500 })));
    renderRoute(createRoutes, '/audit');
    expect(await screen.findByText('database is down')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('keeps the filters in the URL and sends them to the API', async () => {
    mockSession(buildSession({ role: 'auditor' }));
    mockAudit({ events: [roleChange, signIn] });
    const { user, router } = renderRoute(createRoutes, '/audit?model=fraud');
    expect(await screen.findByLabelText('Model')).toHaveValue('fraud');
    await user.type(screen.getByLabelText('Action'), 'auth.');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?action=auth.&model=fraud'));
    await waitFor(() => expect(screen.queryByText('user.updated')).not.toBeInTheDocument());
    expect(auditRequests.at(-1)?.get('action')).toBe('auth.');
    expect(auditRequests.at(-1)?.get('model')).toBe('fraud');
  });

  it('opens a readable diff with the changed keys highlighted', async () => {
    mockSession(buildSession({ role: 'auditor' }));
    mockAudit({ events: [roleChange] });
    const { user } = renderRoute(createRoutes, '/audit');
    await user.click(await screen.findByRole('button', { name: 'Show changes of event 7' }));
    const detail = await screen.findByRole('region', { name: 'Event 7' });
    const changes = within(detail).getByRole('table', { name: 'Changes' });
    const rows = within(changes).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveAttribute('data-change', 'changed');
    expect(rows[0]).toHaveTextContent('role (changed)vieweradmin');
    await user.click(within(detail).getByRole('button', { name: 'Show 2 unchanged keys' }));
    expect(within(changes).getAllByRole('row')).toHaveLength(4);
    expect(detail).toHaveTextContent('covering on-call');
  });

  it('turns the banner red naming the first broken event and why', async () => {
    mockSession(buildSession({ role: 'auditor' }));
    mockAudit({ events: [signIn], chain: buildChainStatus({ ok: false, verifiedThroughSeq: 4, broken: { seq: 5, reason: 'its content does not match its hash (the row was altered)' } }) });
    renderRoute(createRoutes, '/audit');
    const banner = await screen.findByRole('alert', { name: 'Chain verification' });
    expect(banner).toHaveTextContent('Hash chain broken at event 5: its content does not match its hash (the row was altered).');
  });

  it('shows an entity’s history next to the trail', async () => {
    mockSession(buildSession({ role: 'auditor' }));
    mockAudit({ events: [roleChange, signIn] });
    renderRoute(createRoutes, '/audit?historyType=user&historyId=3');
    const panel = await screen.findByRole('region', { name: 'History of user 3' });
    expect(await within(panel).findAllByRole('listitem')).toHaveLength(2);
  });

  it('tells other roles where to read history instead', async () => {
    mockSession(buildSession({ role: 'viewer' }));
    renderRoute(createRoutes, '/audit');
    expect(await screen.findByRole('heading', { name: 'Only auditors and administrators read the whole trail' })).toBeInTheDocument();
  });
});

describe('as of', () => {
  it('shows what served where at the chosen moment, with who requested and approved it', async () => {
    mockSession(buildSession({ role: 'auditor' }));
    const approved = buildAuditEvent({ seq: 3, action: 'promotion.approved', entityType: 'promotion-request', entityId: '5', actor: { id: '4', name: 'carol', via: 'session' } });
    mockAudit({
      asOf: [
        {
          entityType: 'deployment',
          entityId: 'fraud/production',
          state: { stableVersion: 1, canaryVersion: 2, canaryWeight: 10, status: 'canary', requestId: '5' },
          event: buildAuditEvent({ seq: 4 }),
          promotion: { requestId: '5', events: [approved] },
        },
        { entityType: 'model-alias', entityId: 'fraud@champion', state: { version: 1 }, event: buildAuditEvent({ seq: 2 }), promotion: null },
      ],
    });
    const { user, router } = renderRoute(createRoutes, '/audit/as-of');
    await user.type(await screen.findByLabelText('As of'), '2026-01-01T12:00');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(router.state.location.search).toBe('?at=2026-01-01T12%3A00%3A00.000Z'));
    const deployments = await screen.findByRole('table', { name: 'Deployments' });
    expect(deployments).toHaveTextContent('fraud/production');
    expect(deployments).toHaveTextContent('2 at 10%');
    expect(deployments).toHaveTextContent('promotion.approved by carol');
    expect(screen.getByRole('table', { name: 'Aliases' })).toHaveTextContent('fraud@champion1');
    expect(screen.getByText('No policy had been recorded by then.')).toBeInTheDocument();
  });

  it('shows what monitoring said then: the serving versions’ hour and the alerts open', async () => {
    mockSession(buildSession({ role: 'auditor' }));
    mockAudit({ asOf: [] });
    const health = { count: 1200, errorRate: 0.01, p50: 40, p95: 90, p99: 120, driftShare: 0, driftedFeatures: [] };
    mockMonitoring({
      asOf: [{
        deploymentId: '1', modelName: 'fraud', environment: 'production',
        versions: [{ role: 'stable', version: '1', ...health }, { role: 'canary', version: '2', ...health, count: 130, p99: 450, driftShare: 0.5, driftedFeatures: ['income'] }],
        openAlerts: [buildAlert({ version: '2', message: 'latency p99 450 ms > 300 ms for 5 × 1 min (version 2)' })],
      }],
    });
    renderRoute(createRoutes, '/audit/as-of?at=2026-01-01T12%3A00%3A00.000Z');
    const table = await screen.findByRole('table', { name: 'What monitoring said' });
    const [stable, canary] = within(table).getAllByRole('row').slice(1);
    expect(stable).toHaveTextContent('fraud/productionv112001.0 %120 ms0.0 %none');
    expect(canary).toHaveTextContent('v2 canary1301.0 %450 ms50.0 % (income)latency p99 450 ms > 300 ms for 5 × 1 min (version 2)');
  });
});
