import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type LoaderFunction, type RouteObject } from 'react-router';
import { Spinner } from '../components/ui/query-state';
import { paths } from '../config/paths';
import { RouteError } from './routes/route-error';

/** What a lazily loaded route module may export. */
interface RouteModule {
  Component: React.ComponentType;
  loader?: (queryClient: QueryClient) => LoaderFunction;
}

/** Each page is its own chunk: the sign-in page does not download the charts of Monitoring. */
function lazy(queryClient: QueryClient, load: () => Promise<RouteModule>): RouteObject['lazy'] {
  return async () => {
    const module = await load();
    return { Component: module.Component, ...(module.loader && { loader: module.loader(queryClient) }) };
  };
}

export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const page = (load: () => Promise<RouteModule>) => lazy(queryClient, load);
  // Shown while the first page's chunk and loader (the session check) load.
  const hydrateFallbackElement = <Spinner label="Loading Sextant" />;
  return [
    { path: paths.signIn.path, lazy: page(() => import('./routes/sign-in')), errorElement: <RouteError />, hydrateFallbackElement },
    {
      path: '/',
      lazy: page(() => import('./routes/protected-layout')),
      errorElement: <RouteError />,
      hydrateFallbackElement,
      children: [
        { errorElement: <RouteError />, children: [
          { index: true, lazy: page(() => import('./routes/home')) },
          { path: paths.experiments.path, lazy: page(() => import('./routes/experiments')) },
          { path: paths.experiment.path, lazy: page(() => import('./routes/experiment')) },
          { path: paths.run.path, lazy: page(() => import('./routes/run')) },
          { path: paths.compareRuns.path, lazy: page(() => import('./routes/compare-runs')) },
          { path: paths.models.path, lazy: page(() => import('./routes/models')) },
          { path: paths.model.path, lazy: page(() => import('./routes/model')) },
          { path: paths.modelVersion.path, lazy: page(() => import('./routes/model-version')) },
          { path: paths.dataset.path, lazy: page(() => import('./routes/dataset')) },
          { path: paths.deployments.path, lazy: page(() => import('./routes/deployments')) },
          { path: paths.deployment.path, lazy: page(() => import('./routes/deployment')) },
          { path: paths.approvals.path, lazy: page(() => import('./routes/approvals')) },
          { path: paths.approvalRequest.path, lazy: page(() => import('./routes/approval-request')) },
          { path: paths.monitoring.path, lazy: page(() => import('./routes/monitoring')) },
          { path: paths.deploymentMonitoring.path, lazy: page(() => import('./routes/deployment-monitoring')) },
          { path: paths.audit.path, lazy: page(() => import('./routes/audit')) },
          { path: paths.audit.asOf.path, lazy: page(() => import('./routes/audit-as-of')) },
          {
            path: paths.settings.path,
            lazy: page(() => import('./routes/settings/settings-layout')),
            children: [
              { index: true, lazy: page(() => import('./routes/settings/settings-index')) },
              { path: paths.settings.profile.path, lazy: page(() => import('./routes/settings/profile')) },
              { path: paths.settings.tokens.path, lazy: page(() => import('./routes/settings/tokens')) },
              { path: paths.settings.users.path, lazy: page(() => import('./routes/settings/users')) },
              { path: paths.settings.environments.path, lazy: page(() => import('./routes/settings/environments')) },
              { path: paths.settings.webhooks.path, lazy: page(() => import('./routes/settings/webhooks')) },
              { path: paths.settings.alerts.path, lazy: page(() => import('./routes/settings/alerts')) },
            ],
          },
          { path: '*', lazy: page(() => import('./routes/not-found')) },
        ] },
      ],
    },
  ];
}

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
