/** Every client route path, with href builders. Routes and links use these, never literals. */
export const paths = {
  home: { path: '/', href: () => '/' },
  signIn: {
    path: '/sign-in',
    href: (returnTo?: string) => (returnTo && returnTo !== '/' ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in'),
  },
  experiments: { path: '/experiments', href: () => '/experiments' },
  models: { path: '/models', href: (search?: Record<string, string>) => (search && Object.keys(search).length ? `/models?${new URLSearchParams(search)}` : '/models') },
  /** A registered model's page; `compare` opens two versions side by side. Names are one encoded segment. */
  model: {
    path: '/models/:name',
    href: (name: string, compare?: [number, number]) => `/models/${encodeURIComponent(name)}${compare ? `?compare=${compare.join(',')}` : ''}`,
  },
  /** An experiment's runs table; `search` is the table state (filter, columns, sort…). */
  experiment: { path: '/experiments/:experimentId', href: (id: string, search = '') => `/experiments/${encodeURIComponent(id)}${search ? `?${search}` : ''}` },
  run: { path: '/runs/:runId', href: (runId: string, tab?: string) => `/runs/${encodeURIComponent(runId)}${tab ? `?tab=${tab}` : ''}` },
  compareRuns: { path: '/compare', href: (runIds: readonly string[]) => `/compare?runs=${runIds.map(encodeURIComponent).join(',')}` },
  deployments: { path: '/deployments', href: () => '/deployments' },
  /** The deployment's page, where promotions and the rollback flow live. */
  deployment: { path: '/deployments/:deploymentId', href: (id: string) => `/deployments/${encodeURIComponent(id)}` },
  deploymentMonitoring: { path: '/deployments/:deploymentId/monitoring', href: (id: string) => `/deployments/${encodeURIComponent(id)}/monitoring` },
  approvals: { path: '/approvals', href: () => '/approvals' },
  approvalRequest: { path: '/approvals/:requestId', href: (requestId: string) => `/approvals/${requestId}` },
  /** A model version's page (signature, lineage, monitoring). */
  modelVersion: { path: '/models/:name/versions/:version', href: (name: string, version: number) => `/models/${encodeURIComponent(name)}/versions/${version}` },
  /** Where a dataset digest was used. */
  dataset: { path: '/datasets/:digest', href: (digest: string) => `/datasets/${encodeURIComponent(digest)}` },
  monitoring: { path: '/monitoring', href: () => '/monitoring' },
  audit: {
    path: '/audit',
    href: (search?: Record<string, string>) => (search && Object.keys(search).length ? `/audit?${new URLSearchParams(search)}` : '/audit'),
    asOf: { path: '/audit/as-of', href: (at?: string) => (at ? `/audit/as-of?at=${encodeURIComponent(at)}` : '/audit/as-of') },
  },
  settings: {
    path: '/settings',
    href: () => '/settings',
    profile: { path: 'profile', href: () => '/settings/profile' },
    tokens: { path: 'tokens', href: () => '/settings/tokens' },
    users: { path: 'users', href: () => '/settings/users' },
    environments: { path: 'environments', href: () => '/settings/environments' },
    webhooks: { path: 'webhooks', href: () => '/settings/webhooks' },
    alerts: { path: 'alerts', href: () => '/settings/alerts' },
  },
} as const;

/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeReturnTo(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : paths.home.href();
}
