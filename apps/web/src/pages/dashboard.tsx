import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import type { Alert, UpdateListItem } from '../api/types';
import { namesOf, useAllResources } from '../api/use-resources';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';
import { StateBadge } from '../components/state-badge';
import { UpdatesTable } from '../components/updates-table';
import { KINDS, resourcePath } from '../kinds';
import { Link } from '../router';

const RECENT_UPDATES = 10;
/** Servers and containers are polled; their states are read again this often. */
const OBSERVED_REFRESH_MS = 5000;

/** What is there, what is alerting, how the servers are, and what happened last. */
export function DashboardPage() {
  const { api } = useSession();
  const version = useLiveVersion(undefined, OBSERVED_REFRESH_MS);
  const resources = useAllResources(version);
  const updates = useRequest(
    () => api.read<{ updates: UpdateListItem[] }>('ListUpdates', {}),
    [api, version],
  );
  const openAlerts = useRequest(
    () =>
      api.read<{ alerts: Alert[]; next_page?: number | null }>('ListAlerts', {
        query: { resolved: false },
      }),
    [api, version],
  );
  const servers = resources.data?.Server ?? [];
  return (
    <section>
      <h1>Dashboard</h1>
      <ErrorNote error={resources.error ?? updates.error ?? openAlerts.error} />
      <div className="cards">
        <Link to="/alerts" className="card">
          <span className="count" data-kind="alerts">
            {openAlerts.data
              ? `${openAlerts.data.alerts.length}${openAlerts.data.next_page ? '+' : ''}`
              : '…'}
          </span>
          <span>Open alerts</span>
          {openAlerts.data && openAlerts.data.alerts.length > 0 && (
            <StateSummary states={openAlerts.data.alerts.map((a) => a.level)} />
          )}
        </Link>
        {KINDS.map((k) => {
          const items = resources.data?.[k.kind] ?? [];
          return (
            <Link key={k.kind} to={`/${k.slug}`} className="card">
              <span className="count" data-kind={k.kind}>
                {resources.data ? items.length : '…'}
              </span>
              <span>{k.plural}</span>
              {k.observed && items.length > 0 && (
                <StateSummary states={items.map((i) => i.info.state)} />
              )}
            </Link>
          );
        })}
      </div>
      <h2>Servers</h2>
      {servers.length === 0 ? (
        <p className="muted">
          No servers yet. <Link to="/servers">Add one</Link>.
        </p>
      ) : (
        <ul className="server-health">
          {servers.map((s) => (
            <li key={s.id}>
              <Link to={resourcePath('Server', s.id)}>{s.name}</Link>{' '}
              <StateBadge state={s.info.state} />
              {typeof s.info.reason === 'string' && s.info.reason && (
                <span className="muted"> {s.info.reason}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>Recent updates</h2>
      <UpdatesTable
        updates={(updates.data?.updates ?? []).slice(0, RECENT_UPDATES)}
        names={namesOf(resources.data)}
      />
      <p>
        <Link to="/updates">All updates</Link>
      </p>
    </section>
  );
}

/** How many are in each state, e.g. "2 running · 1 exited". */
function StateSummary({ states }: { states: (string | undefined)[] }) {
  const counts = new Map<string, number>();
  for (const s of states) counts.set(s ?? 'Unknown', (counts.get(s ?? 'Unknown') ?? 0) + 1);
  return (
    <span className="state-summary">
      {[...counts].map(([state, n]) => `${n} ${state}`).join(' · ')}
    </span>
  );
}
