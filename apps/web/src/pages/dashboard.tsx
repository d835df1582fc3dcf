import type { AlertAnswer } from '@monitor/contracts';
import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { useTargetNames } from '../api/use-target-names';
import { ErrorNote } from '../components/error-note';
import { StateBadge } from '../components/state-badge';
import { UpdatesTable } from '../components/updates-table';
import { KINDS, resourcePath } from '../kinds';
import { Link } from '../router';
import { KindCard } from './kind-card';
import { StateSummary } from './state-summary';

const RECENT_UPDATES = 10;

/** What is there, what is alerting, how the servers are, and what happened last. */
export function DashboardPage() {
  const { api } = useSession();
  const serversChanged = useLiveVersion({
    update: (u) => u.target.type === 'Server',
    observed: (c) => c.kind === 'Server',
  });
  const updatesChanged = useLiveVersion({ update: () => true });
  const alertsChanged = useLiveVersion({ observed: (c) => c.kind === 'Alert' });
  const servers = useRequest(() => api.read('ListServers'), [api, serversChanged]);
  const updates = useRequest(() => api.read('ListUpdates', {}), [api, updatesChanged]);
  const recent = updates.data?.updates.slice(0, RECENT_UPDATES);
  const { names, error: namesError } = useTargetNames(recent);
  const openAlerts = useRequest(
    () => api.read('ListAlerts', { query: { resolved: false } }),
    [api, alertsChanged],
  );
  return (
    <section>
      <h1>Dashboard</h1>
      <ErrorNote error={servers.error ?? updates.error ?? openAlerts.error ?? namesError} />
      <div className="cards">
        <Link to="/alerts" className="card">
          <span className="count" data-kind="alerts">
            {openAlerts.data
              ? `${openAlerts.data.alerts.length}${openAlerts.data.next_page ? '+' : ''}`
              : '…'}
          </span>
          <span>Open alerts</span>
          {openAlerts.data && openAlerts.data.alerts.length > 0 && (
            <StateSummary counts={levelCounts(openAlerts.data.alerts)} />
          )}
        </Link>
        {KINDS.map((k) => (
          <KindCard key={k.kind} spec={k} />
        ))}
      </div>
      <h2>Servers</h2>
      {servers.data?.length === 0 ? (
        <p className="muted">
          No servers yet. <Link to="/servers">Add one</Link>.
        </p>
      ) : (
        <ul className="server-health">
          {(servers.data ?? []).map((s) => (
            <li key={s.id}>
              <Link to={resourcePath('Server', s.id)}>{s.name}</Link>{' '}
              <StateBadge state={s.info.state} />
              {s.info.reason && <span className="muted"> {s.info.reason}</span>}
            </li>
          ))}
        </ul>
      )}
      <h2>Recent updates</h2>
      <UpdatesTable updates={recent ?? []} names={names} />
      <p>
        <Link to="/updates">All updates</Link>
      </p>
    </section>
  );
}

function levelCounts(alerts: AlertAnswer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of alerts) counts[a.level] = (counts[a.level] ?? 0) + 1;
  return counts;
}
