import { useState } from 'react';
import type { RunSyncDto } from '@monitor/contracts';
import type { ResourceKind } from '@monitor/domain';
import { useSession } from '../api/session';
import { ActionButton } from '../components/confirm-button';
import { Time } from '../components/time';
import { Link } from '../router';
import { PlanChangeView } from './plan-change';
import { PlanNotes } from './plan-notes';
import { RunSyncButton } from './run-sync-button';
import {
  canRun,
  deletesToConfirm,
  groupPlan,
  planChanges,
  planSummary,
  type PlanChange,
  type SyncInfoView,
} from './sync-plan';
import { SyncFiles } from './sync-files';

interface Started {
  id: string;
  label: string;
}

function updateIdOf(answer: unknown): string | undefined {
  const id = (answer as { _id?: { $oid?: unknown } } | null)?._id?.$oid;
  return typeof id === 'string' ? id : undefined;
}

const short = (hash?: string) => (hash ? hash.slice(0, 8) : undefined);

/**
 * A ResourceSync's plan as a diff: the commit it was read at, its problems, each change field by
 * field (or as TOML), the deploys and the files read; Refresh and Run (the plan shown, by its
 * hash), or one resource's change alone. Executions answer their Update at once, followed live.
 */
export function SyncPlanTab(props: { id: string; info: SyncInfoView; canExecute: boolean }) {
  const { id, info, canExecute } = props;
  const { api } = useSession();
  const [started, setStarted] = useState<Started>();
  const changes = planChanges(info);
  const deploys = info.pending_deploys ?? [];
  const summary = planSummary(changes, deploys.length);

  const follow = (label: string) => (answer: unknown) => {
    const update = updateIdOf(answer);
    setStarted(update ? { id: update, label } : undefined);
  };
  const refresh = () =>
    api.execute('RefreshResourceSyncPending', { sync: id }).then(follow('Refresh'));
  const run = (params: Omit<RunSyncDto, 'sync'>) =>
    api.execute('RunSync', { sync: id, ...params }).then(follow('Run Sync'));
  const applyOnly = (change: PlanChange) =>
    run({
      resource_type: change.kind as ResourceKind,
      resources: [change.id ?? change.name],
      // Picked alone, a delete is all of its run's scope: the user just confirmed this one.
      ...(change.action === 'Delete' ? { confirm_deletes: 1 } : {}),
    });

  return (
    <div className="sync-plan">
      <dl className="facts">
        <dt>files read at</dt>
        <dd>
          {info.pending_commit ? (
            <>
              <code title={info.pending_commit}>{short(info.pending_commit)}</code>{' '}
              {info.pending_message}
            </>
          ) : (
            <span className="muted">no commit (files in the UI or on the host)</span>
          )}
        </dd>
        <dt>last run</dt>
        <dd>
          {info.last_sync_ts ? (
            <>
              <Time ms={info.last_sync_ts} />{' '}
              {info.last_sync_hash && <code>{info.last_sync_hash}</code>} {info.last_sync_message}
            </>
          ) : (
            <span className="muted">never</span>
          )}
        </dd>
      </dl>
      {canExecute && (
        <div className="executions" aria-label="Sync">
          <ActionButton label="Refresh" action={refresh} />
          <RunSyncButton
            summary={summary}
            pendingHash={info.pending_hash ?? ''}
            deletes={deletesToConfirm(info)}
            unavailable={canRun(info) ? undefined : 'Nothing to apply: refresh, or fix the files'}
            run={run}
          />
          {started && (
            <Link to={`/updates/${started.id}`}>Follow {started.label} as it runs →</Link>
          )}
        </div>
      )}
      <PlanNotes info={info} />
      <h2>Plan</h2>
      <p className="muted" data-summary>
        {info.pending_error ? 'No plan: the files hold errors.' : summary}
      </p>
      {groupPlan(changes).map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3>{group.title}</h3>
          <ul className="timeline">
            {group.changes.map((change) => (
              <PlanChangeView
                key={change.key}
                change={change}
                applyOnly={canExecute ? applyOnly : undefined}
              />
            ))}
          </ul>
        </section>
      ))}
      {deploys.length > 0 && (
        <section aria-label="Deploys">
          <h3>Deploys after the changes</h3>
          <ul>
            {deploys.map((d) => (
              <li key={`${d.target.type}:${d.target.id}`} data-deploy={d.target.id}>
                {d.target.type} <strong>{d.target.id}</strong>: {d.reason}
                {d.after.length > 0 && (
                  <span className="muted">
                    {' '}
                    (after {d.after.map((a) => `${a.type} ${a.id}`).join(', ')})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <SyncFiles contents={info.remote_contents ?? []} errors={info.remote_errors ?? []} />
    </div>
  );
}
