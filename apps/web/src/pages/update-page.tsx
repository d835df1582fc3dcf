import type { MonitorTarget, Update } from '@monitor/contracts';
import { useFollowBottom } from '../components/use-follow-bottom';
import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import { useUserName } from '../api/user-names';
import { kindSpec, resourcePath } from '../kinds';
import { useRequest } from '../api/use-request';
import { ErrorNote } from '../components/error-note';
import { StateBadge } from '../components/state-badge';
import { duration, Time } from '../components/time';
import { resultOf } from '../components/updates-table';
import { Link } from '../router';
import { RunLinks } from '../procedures/run-links-view';

/**
 * One Update with each stage's log, read again as the live feed says it changed: the stage
 * running now grows as its output is appended (a batch at a time), until its log replaces it.
 */
export function UpdatePage({ id }: { id: string }) {
  const { api } = useSession();
  const version = useLiveVersion({ update: (u) => u.id === id });
  const update = useRequest(() => api.read('GetUpdate', { id }), [api, id, version]);
  const userName = useUserName();
  const u = update.data;
  const running = u?.status !== 'Complete' && !u?.logs.at(-1)?.end_ts;
  // Output grows at the bottom: keep it in view for a user who is watching it there.
  useFollowBottom(outputSize(u), running);
  return (
    <section>
      <h1>
        {u?.operation ?? 'Update'} {u && <StateBadge state={resultOf(u)} />}
      </h1>
      <ErrorNote error={update.error} />
      {u && (
        <>
          <dl className="facts">
            <dt>target</dt>
            <dd>
              <TargetLink target={u.target} />
            </dd>
            <dt>by</dt>
            <dd>{userName(u.operator)}</dd>
            <dt>started</dt>
            <dd>
              <Time ms={u.start_ts} />
            </dd>
            <dt>took</dt>
            <dd>{duration(u.start_ts, u.end_ts)}</dd>
          </dl>
          <RunLinks update={u} />
          <h2>Stages</h2>
          {u.logs.length === 0 && <p className="muted">No stage has run yet.</p>}
          <ol className="stages">
            {u.logs.map((log, i) => (
              <Stage
                key={`${i}-${log.stage}`}
                log={log}
                running={running && i === u.logs.length - 1}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** A stage's log; a running one (its `end_ts` still 0) shows its output so far. */
function Stage({ log, running }: { log: Update['logs'][number]; running: boolean }) {
  const state = running ? 'InProgress' : log.success ? 'Complete' : 'Failed';
  return (
    <li
      className={running || log.success ? 'stage' : 'stage stage-failed'}
      data-stage={log.stage}
      data-running={running || undefined}
    >
      <div className="stage-head">
        <strong>{log.stage}</strong> <StateBadge state={state} />{' '}
        <span className="muted">{duration(log.start_ts, log.end_ts)}</span>
      </div>
      {log.command && <pre className="command">{log.command}</pre>}
      {log.stdout && <pre className="stdout">{log.stdout}</pre>}
      {log.stderr && <pre className="stderr">{log.stderr}</pre>}
      {running && (
        <p className="running-marker" role="status">
          running…
        </p>
      )}
    </li>
  );
}

/** How much output the Update holds: it changes when a running stage grows. */
function outputSize(u: Update | undefined): number {
  return (u?.logs ?? []).reduce((n, log) => n + log.stdout.length + log.stderr.length + 1, 0);
}

/** The target by its name (read once; a deleted resource stays an id). */
function TargetLink({ target }: { target: MonitorTarget }) {
  const { api } = useSession();
  const name = useRequest(async () => {
    if (target.type === 'System') return 'System';
    const spec = kindSpec(target.type);
    return (await api.read(spec.requests.get, { [spec.param]: target.id })).name;
  }, [api, target.type, target.id]);
  if (target.type === 'System') return <>System</>;
  return (
    <Link to={resourcePath(target.type, target.id)}>
      {target.type} {name.data ?? target.id}
    </Link>
  );
}
