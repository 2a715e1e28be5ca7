import { useSuspenseQuery } from '@tanstack/react-query';
import { NavLink, Outlet } from 'react-router';
import { can } from '../../../../shared/permissions';
import { cn } from '../../../components/ui/cn';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { authQueries } from '../../../features/auth/api/auth.queries';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  const tabs = [
    { label: 'Profile', href: paths.settings.profile.href() },
    { label: 'API tokens', href: paths.settings.tokens.href() },
    { label: 'Alerts', href: paths.settings.alerts.href() },
    ...(can(session.user.role, 'users:admin') ? [{ label: 'Users', href: paths.settings.users.href() }] : []),
    ...(can(session.user.role, 'settings:admin')
      ? [
          { label: 'Environments & policies', href: paths.settings.environments.href() },
          { label: 'Webhooks', href: paths.settings.webhooks.href() },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title="Settings" />
      <nav aria-label="Settings" className="mb-6 flex gap-1 border-b border-border">
        {tabs.map((tab) => (
          <NavLink
            key={tab.href}
            to={tab.href}
            className={({ isActive }) =>
              cn(
                '-mb-px border-b-2 px-4 py-2 text-sm font-medium',
                isActive ? 'border-primary text-primary' : 'border-transparent text-muted-foreground hover:text-foreground',
              )
            }
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
