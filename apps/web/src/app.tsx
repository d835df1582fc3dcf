import { lazy, Suspense } from 'react';
import { LiveProvider } from './api/live';
import { SessionProvider, useSessionState } from './api/session';
import { UserNamesProvider } from './api/user-names';
import { ErrorNote } from './components/error-note';
import { Layout } from './components/layout';
import { kindBySlug } from './kinds';
import { AccountPage } from './pages/account-page';
import { AlertsPage } from './pages/alerts-page';
import { DashboardPage } from './pages/dashboard';
import { ResourceListPage } from './pages/resource-list';
import { SignInPage } from './pages/sign-in';
import { UpdatePage } from './pages/update-page';
import { UpdatesPage } from './pages/updates-page';
import { matchPath } from './match-path';
import { usePath } from './router';

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

/** Signed out: the sign-in page, whatever the path; signed in: the page of the path. */
function Gate() {
  const { session, checking, unreachable, retry } = useSessionState();
  const path = usePath();
  if (checking) return <p className="muted loading">Loading…</p>;
  if (unreachable) return <Unreachable error={unreachable} onRetry={retry} />;
  if (!session) return <SignInPage />;
  if (!session.user.enabled) return <Disabled onSignOut={session.signOut} />;
  return (
    <LiveProvider jwt={session.jwt}>
      <UserNamesProvider>
        <Layout path={path}>
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <Page key={path} path={path} />
          </Suspense>
        </Layout>
      </UserNamesProvider>
    </LiveProvider>
  );
}

/*
 * A resource's page (config form, field help, history, charts) and the settings are loaded when
 * first opened: the dashboard, where a session starts, renders without their code.
 */
const ResourcePage = lazy(() =>
  import('./resources/resource-page').then((m) => ({ default: m.ResourcePage })),
);
const SettingsPage = lazy(() =>
  import('./pages/settings/settings-page').then((m) => ({ default: m.SettingsPage })),
);

function Page({ path }: { path: string }) {
  if (path === '/') return <DashboardPage />;
  if (path === '/updates') return <UpdatesPage />;
  if (path === '/account') return <AccountPage />;
  if (path === '/alerts') return <AlertsPage />;
  if (path === '/settings') return <SettingsPage />;
  const update = matchPath('/updates/:id', path);
  if (update) return <UpdatePage id={update.id} />;
  const list = matchPath('/:kind', path);
  const listSpec = list && kindBySlug(list.kind);
  if (listSpec) return <ResourceListPage spec={listSpec} />;
  const one = matchPath('/:kind/:id', path);
  const oneSpec = one && kindBySlug(one.kind);
  if (one && oneSpec) return <ResourcePage spec={oneSpec} id={one.id} />;
  return (
    <section>
      <h1>Not found</h1>
      <p className="muted">Nothing lives at {path}.</p>
    </section>
  );
}

function Disabled({ onSignOut }: { onSignOut(): void }) {
  return (
    <main className="sign-in">
      <div>
        <h1>Waiting for an admin</h1>
        <p>
          Your user exists but is not enabled yet. Ask an admin to enable it, then sign in again.
        </p>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </main>
  );
}

function Unreachable({ error, onRetry }: { error: Error; onRetry(): void }) {
  return (
    <main className="sign-in">
      <div>
        <h1>Monitor cannot be reached</h1>
        <ErrorNote error={error} />
        <button type="button" className="primary" onClick={onRetry}>
          Try again
        </button>
      </div>
    </main>
  );
}
