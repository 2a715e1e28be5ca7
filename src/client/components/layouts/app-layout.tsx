import {
  Activity,
  Boxes,
  CheckSquare,
  FlaskConical,
  Home,
  type LucideIcon,
  Moon,
  Rocket,
  ScrollText,
  Settings,
  Sun,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { paths } from '../../config/paths';
import { useTheme } from '../../hooks/use-theme';
import { cn } from '../ui/cn';

const navigation: Array<{ label: string; href: string; icon: LucideIcon; end?: boolean }> = [
  { label: 'Overview', href: paths.home.href(), icon: Home, end: true },
  { label: 'Runs', href: paths.experiments.href(), icon: FlaskConical },
  { label: 'Models', href: paths.models.href(), icon: Boxes },
  { label: 'Deployments', href: paths.deployments.href(), icon: Rocket },
  { label: 'Approvals', href: paths.approvals.href(), icon: CheckSquare },
  { label: 'Monitoring', href: paths.monitoring.href(), icon: Activity },
  { label: 'Audit', href: paths.audit.href(), icon: ScrollText },
  { label: 'Settings', href: paths.settings.href(), icon: Settings },
];

/** The application frame: navigation on the left, the page on the right. */
export function AppLayout({ userMenu, children }: { userMenu: ReactNode; children: ReactNode }) {
  const [theme, toggleTheme] = useTheme();
  return (
    <div className="flex h-full">
      <aside className="flex w-56 shrink-0 flex-col border-r border-border bg-surface">
        <div className="flex h-14 items-center gap-2 px-4">
          <img src="/favicon.svg" alt="" className="size-7" />
          <span className="text-lg font-semibold tracking-tight">Sextant</span>
        </div>
        <nav aria-label="Main" className="flex-1 space-y-0.5 px-2 py-2">
          {navigation.map(({ label, href, icon: Icon, end }) => (
            <NavLink
              key={href}
              to={href}
              end={end ?? false}
              className={({ isActive }) =>
                cn(
                  'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium',
                  isActive ? 'bg-primary/10 text-primary' : 'text-muted-foreground hover:bg-muted hover:text-foreground',
                )
              }
            >
              <Icon className="size-4" aria-hidden />
              {label}
            </NavLink>
          ))}
        </nav>
        <div className="border-t border-border p-2">
          <button
            type="button"
            onClick={toggleTheme}
            className="flex w-full items-center gap-3 rounded-md px-3 py-2 text-sm text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            {theme === 'dark' ? <Sun className="size-4" aria-hidden /> : <Moon className="size-4" aria-hidden />}
            {theme === 'dark' ? 'Light theme' : 'Dark theme'}
          </button>
          {userMenu}
        </div>
      </aside>
      <main className="min-w-0 flex-1 overflow-auto">
        <div className="mx-auto max-w-7xl px-8 py-8">{children}</div>
      </main>
    </div>
  );
}
