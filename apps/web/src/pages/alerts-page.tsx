import { useState } from 'react';
import type { AlertAnswer, ResourceKind, SeverityLevel } from '@monitor/contracts';
import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';
import { StateBadge } from '../components/state-badge';
import { Time } from '../components/time';
import { KINDS, resourcePath } from '../kinds';
import { Link } from '../router';
import { Pager } from '../components/pager';

const LEVELS: readonly SeverityLevel[] = ['CRITICAL', 'WARNING', 'OK'];
type Shown = 'open' | 'resolved' | 'all';

/** Alerts of what the user may read, newest first: open or resolved, by kind and level. */
export function AlertsPage() {
  const { api } = useSession();
  const version = useLiveVersion({ observed: (c) => c.kind === 'Alert' });
  const [shown, setShown] = useState<Shown>('open');
  const [kind, setKind] = useState<ResourceKind | ''>('');
  const [level, setLevel] = useState<SeverityLevel | ''>('');
  const [page, setPage] = useState(0);
  const alerts = useRequest(() => {
    const query: Record<string, unknown> = {};
    if (shown !== 'all') query.resolved = shown === 'resolved';
    if (kind) query['target.type'] = kind;
    if (level) query.level = level;
    return api.read('ListAlerts', { query, page });
  }, [api, shown, kind, level, page, version]);
  const next = alerts.data?.next_page;

  return (
    <section>
      <h1>Alerts</h1>
      <div className="filters">
        <select
          aria-label="Open or resolved"
          value={shown}
          onChange={(e) => {
            setShown(e.target.value as Shown);
            setPage(0);
          }}
        >
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
          <option value="all">Open and resolved</option>
        </select>
        <select
          aria-label="Kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as ResourceKind | '');
            setPage(0);
          }}
        >
          <option value="">All kinds</option>
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.kind}
            </option>
          ))}
        </select>
        <select
          aria-label="Level"
          value={level}
          onChange={(e) => {
            setLevel(e.target.value as SeverityLevel | '');
            setPage(0);
          }}
        >
          <option value="">All levels</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <ErrorNote error={alerts.error} />
      {alerts.data && alerts.data.alerts.length === 0 && <p className="muted">No alerts.</p>}
      {alerts.data && alerts.data.alerts.length > 0 && (
        <table className="alerts">
          <thead>
            <tr>
              <th>opened</th>
              <th>level</th>
              <th>alert</th>
              <th>target</th>
              <th>details</th>
              <th>resolved</th>
            </tr>
          </thead>
          <tbody>
            {alerts.data.alerts.map((a) => (
              <tr key={a._id.$oid} data-alert={a.data.type}>
                <td>
                  <Time ms={a.ts} />
                </td>
                <td>
                  <StateBadge state={a.level} />
                </td>
                <td>{a.data.type}</td>
                <td>
                  <AlertTargetLink alert={a} />
                </td>
                <td className="details">{details(a)}</td>
                <td>{a.resolved ? <Time ms={a.resolved_ts} /> : <StateBadge state="open" />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} next={next} onPage={setPage} />
    </section>
  );
}

function AlertTargetLink({ alert }: { alert: AlertAnswer }) {
  const { target } = alert;
  const name = 'name' in alert.data.data ? String(alert.data.data.name) : target.id;
  if (target.type === 'System') return <>System</>;
  return (
    <Link to={resourcePath(target.type, target.id)}>
      {target.type} {name}
    </Link>
  );
}

/** What the alert says beyond its type: the figures or the error, as one line. */
function details(alert: AlertAnswer): string {
  const { id: _id, name: _name, ...rest } = alert.data.data as Record<string, unknown>;
  return Object.entries(rest)
    .map(([k, v]) => `${k}: ${shown(v)}`)
    .join(', ');
}

/** An error (Komodo's `{ error, trace }`) by its message; other objects as JSON. */
function shown(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const { error } = value as { error?: unknown };
  return typeof error === 'string' ? error : JSON.stringify(value);
}
