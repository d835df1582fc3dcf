import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import type { Alert, KindSummary, ResourceListItem, UpdateListItem } from '../api/types';
import { useRequest } from '../api/use-request';
import { useTargetNames } from '../api/use-target-names';
import { ErrorNote } from '../components/error-note';
import { StateBadge } from '../components/state-badge';
import { UpdatesTable } from '../components/updates-table';
import { KINDS, resourcePath, type KindSpec } from '../kinds';
import { Link } from '../router';

const RECENT_UPDATES = 10;

/** What is there, what is alerting, how the servers are, and what happened last. */
export function DashboardPage() {
  const { api } = useSession();
  // Any Update may create or delete a resource; any observed change may move one between states.
  const anyChange = useLiveVersion({ update: () => true, observed: () => true });
  const serversChanged = useLiveVersion({
    update: (u) => u.target.type === 'Server',
    observed: (c) => c.kind === 'Server',
  });
  const updatesChanged = useLiveVersion({ update: () => true });
  const alertsChanged = useLiveVersion({ observed: (c) => c.kind === 'Alert' });
  const summaries = useRequest(async () => {
    const counts = await Promise.all(
      KINDS.map((k) => api.read<KindSummary>(`Get${k.plural}Summary`)),
    );
    return new Map(KINDS.map((k, i) => [k.kind, counts[i]]));
  }, [api, anyChange]);
  const servers = useRequest(
    () => api.read<ResourceListItem[]>('ListServers'),
    [api, serversChanged],
  );
  const updates = useRequest(
    () => api.read<{ updates: UpdateListItem[] }>('ListUpdates', {}),
    [api, updatesChanged],
  );
  const recent = updates.data?.updates.slice(0, RECENT_UPDATES);
  const names = useTargetNames(recent);
  const openAlerts = useRequest(
    () =>
      api.read<{ alerts: Alert[]; next_page?: number | null }>('ListAlerts', {
        query: { resolved: false },
      }),
    [api, alertsChanged],
  );
  return (
    <section>
      <h1>Dashboard</h1>
      <ErrorNote error={summaries.error ?? servers.error ?? updates.error ?? openAlerts.error} />
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
          <KindCard key={k.kind} spec={k} summary={summaries.data?.get(k.kind)} />
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
              {typeof s.info.reason === 'string' && s.info.reason && (
                <span className="muted"> {s.info.reason}</span>
              )}
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

/** A kind's count, and for kinds with an observed state how many are in each. */
function KindCard({ spec, summary }: { spec: KindSpec; summary?: KindSummary }) {
  const { total, ...states } = summary ?? { total: 0 };
  return (
    <Link to={`/${spec.slug}`} className="card">
      <span className="count" data-kind={spec.kind}>
        {summary ? total : '…'}
      </span>
      <span>{spec.plural}</span>
      {spec.observed && total > 0 && <StateSummary counts={states} />}
    </Link>
  );
}

function levelCounts(alerts: Alert[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of alerts) counts[a.level] = (counts[a.level] ?? 0) + 1;
  return counts;
}

/** The states anything is in, e.g. "2 running · 1 stopped". */
function StateSummary({ counts }: { counts: Record<string, number> }) {
  return (
    <span className="state-summary" data-summary>
      {Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([state, n]) => `${n} ${state.replace('_', ' ')}`)
        .join(' · ')}
    </span>
  );
}
