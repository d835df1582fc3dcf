import type { ReactNode } from 'react';
import { useLiveStatus } from '../api/live';
import { useSession } from '../api/session';
import { ActionButton } from './confirm-button';
import { KINDS } from '../kinds';
import { Link } from '../router';
import { useTheme } from '../theme';

/** The frame of every signed-in page: navigation, the live feed's state, theme, sign-out. */
export function Layout({ path, children }: { path: string; children: ReactNode }) {
  const { user, api, signOut } = useSession();
  const live = useLiveStatus();
  const [theme, setTheme] = useTheme();
  const current = (to: string) =>
    to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);
  const item = (to: string, label: string) => (
    <li key={to}>
      <Link to={to} className={current(to) ? 'current' : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/" className="brand">
          Monitor
        </Link>
        <span
          className={`live live-${live}`}
          title="Live: Updates from /ws/update, observed states from /events"
        >
          {live === 'live' ? 'live' : live}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
        <Link to="/account" className="user">
          {user.username}
          {user.admin && <span className="muted"> (admin)</span>}
        </Link>
        <ActionButton
          label="Sign out"
          action={async () => {
            // The token ends at the gateway, not only in this browser (Logout).
            await api.manage('Logout');
            signOut();
          }}
        />
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul>
          {item('/', 'Dashboard')}
          {KINDS.map((k) => item(`/${k.slug}`, k.plural))}
          {item('/updates', 'Updates')}
          {item('/alerts', 'Alerts')}
          {item('/settings', 'Settings')}
        </ul>
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
