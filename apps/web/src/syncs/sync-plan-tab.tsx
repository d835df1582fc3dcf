import { useState } from 'react';
import type { RunSyncDto } from '@monitor/contracts';
import type { ResourceKind, ResourceSyncConfig, SyncFileContents } from '@monitor/contracts';
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
  describeDeploy,
  groupPlan,
  planChanges,
  planSummary,
  type PlanChange,
  type SyncInfoView,
} from './sync-plan';
import { SyncFiles } from './sync-files';
import { commitOffer, filesShown } from './sync-source';

interface Started {
  id: string;
  label: string;
}

function updateIdOf(answer: unknown): string | undefined {
  const id = (answer as { _id?: { $oid?: unknown } } | null)?._id?.$oid;
  return typeof id === 'string' ? id : undefined;
}

const COMMIT_QUESTION = {
  fresh: "Write everything in the sync's scope, as it exists now, into its first file?",
  managed:
    "Write what exists back into the sync's files? Each entry the plan would change is written as it exists now, undeclared ones are added, declared ones that no longer exist are removed, each in its own file with every other line kept: the plan empties.",
};

const short = (hash?: string) => (hash ? hash.slice(0, 8) : undefined);

/**
 * A ResourceSync's plan as a diff: the commit it was read at, its problems, each change field by
 * field (or as TOML), the deploys and the files read; Refresh and Run (the plan shown, by its
 * hash), or one resource's change alone. Executions answer their Update at once, followed live.
 */
export function SyncPlanTab(props: {
  id: string;
  info: SyncInfoView;
  config: Partial<ResourceSyncConfig>;
  canExecute: boolean;
  canWrite: boolean;
}) {
  const { id, info, config, canExecute, canWrite } = props;
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
  const commit = () => api.execute('CommitSync', { sync: id }).then(follow('Commit'));
  const writeFile = (file: SyncFileContents) =>
    api
      .write('WriteSyncFileContents', {
        sync: id,
        resource_path: file.resource_path,
        file_path: file.path,
        contents: file.contents,
      })
      .then(follow('Write file'));
  const committing = canWrite ? commitOffer(config, changes.length > 0) : undefined;
  const applyOnly = (change: PlanChange) =>
    run({
      resource_type: change.kind as ResourceKind,
      resources: [change.id ?? change.name],
      // The whole plan as shown: a plan that changed since is refused, as for Run.
      pending_hash: info.pending_hash,
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
      <div className="executions" aria-label="Sync">
        {canExecute && <ActionButton label="Refresh" action={refresh} />}
        {canExecute && (
          <RunSyncButton
            summary={summary}
            pendingHash={info.pending_hash ?? ''}
            deletes={deletesToConfirm(info)}
            unavailable={canRun(info) ? undefined : 'Nothing to apply: refresh, or fix the files'}
            run={run}
          />
        )}
        {committing && (
          <ActionButton label="Commit" confirm={COMMIT_QUESTION[committing]} action={commit} />
        )}
        {started && <Link to={`/updates/${started.id}`}>Follow {started.label} as it runs →</Link>}
      </div>
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
                {describeDeploy(d)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <SyncFiles
        files={filesShown(config, info.remote_contents ?? [])}
        errors={info.remote_errors ?? []}
        write={canWrite ? writeFile : undefined}
      />
    </div>
  );
}
