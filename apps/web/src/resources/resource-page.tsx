import { lazy, Suspense, useState } from 'react';
import type { DeleteResourceDto, GetPermissionDto, ListResourcesDto } from '@monitor/contracts';
import type { ResourceSyncConfig } from '@monitor/contracts';
import { useLiveVersion } from '../api/live';
import { useSession } from '../api/session';
import { reasonOf, resourcePath, stateOf, type KindSpec } from '../kinds';
import { useRequest } from '../api/use-request';
import { ActionButton } from '../components/confirm-button';
import { AlerterDeliveriesTab } from './alerter-deliveries-tab';
import { BuildInfo } from './build-info';
import { BuildVersionsTab } from './build-versions-tab';
import { ErrorNote } from '../components/error-note';
import { StateBadge } from '../components/state-badge';
import { navigate } from '../router';
import { ConfigTab } from './config-tab';
import { ContainersTab } from './containers-tab';
import { ImagesTab, NetworksTab, VolumesTab } from './docker-objects-tabs';
import { ExecutionButtons } from './execution-buttons';
import { EXECUTIONS } from './executions';
import { HistoryTab } from './history-tab';
import { InspectTab } from './inspect-tab';
import { LOG_REQUESTS, LogTab } from './log-tab';
import { allows } from './permission';
import { PermissionsTab } from './permissions-tab';
import { ResourceMeta } from './resource-meta';
import { RepoCommits } from './repo-commits';
import { ResourceUpdates } from './resource-updates';
import { ServerStatsTab } from './server-stats-tab';
import { StackServicesTab } from './stack-services-tab';
import { hasWebhooks, WebhookUrls } from './webhook-urls';
import { ActionTab } from '../procedures/action-tab';
import { scriptOf, stagesOf } from '../procedures/configs';
import { NextRun } from '../procedures/next-run';
import { RunPanel } from '../procedures/run-panel';
import { ScheduleTab } from '../procedures/schedule-tab';
import { StagesTab } from '../procedures/stages-tab';
import type { SyncInfoView } from '../syncs/sync-plan';

/** The sync's plan and its actions: a chunk of their own, loaded when a sync's page opens. */
const SyncPlanTab = lazy(() =>
  import('../syncs/sync-plan-tab').then((m) => ({ default: m.SyncPlanTab })),
);

type Tab =
  | 'Plan'
  | 'Config'
  | 'Stages'
  | 'Script'
  | 'Schedule'
  | 'Stats'
  | 'Containers'
  | 'Images'
  | 'Networks'
  | 'Volumes'
  | 'Services'
  | 'Log'
  | 'Inspect'
  | 'Versions'
  | 'Deliveries'
  | 'Updates'
  | 'History'
  | 'Permissions';

/**
 * The tabs of a kind's page: what its agent can tell comes after its config; who may use it
 * is an admin's business.
 */
function tabsOf(kind: KindSpec['kind'], admin: boolean): Tab[] {
  return [...agentTabsOf(kind), 'Updates', 'History', ...(admin ? (['Permissions'] as const) : [])];
}

function agentTabsOf(kind: KindSpec['kind']): Tab[] {
  if (kind === 'Server') {
    return ['Config', 'Stats', 'Containers', 'Images', 'Networks', 'Volumes'];
  }
  if (kind === 'Stack') return ['Config', 'Services', 'Log'];
  if (kind === 'Deployment') return ['Config', 'Log', 'Inspect'];
  if (kind === 'Build') return ['Config', 'Versions'];
  if (kind === 'Alerter') return ['Config', 'Deliveries'];
  if (kind === 'Procedure') return ['Stages', 'Schedule', 'Config'];
  if (kind === 'Action') return ['Script', 'Schedule', 'Config'];
  if (kind === 'ResourceSync') return ['Plan', 'Config'];
  if (LOG_REQUESTS[kind]) return ['Config', 'Log'];
  return ['Config'];
}

/** One resource: its state, what can be run on it, its config, its Updates and its history. */
export function ResourcePage({ spec, id }: { spec: KindSpec; id: string }) {
  const { api, user } = useSession();
  const isThis = (target: string) => target === id || target === resource.data?._id.$oid;
  const version = useLiveVersion({
    update: (u) => isThis(u.target.id),
    observed: spec.observed ? (c) => c.kind === spec.kind && isThis(c.id) : undefined,
  });
  const resource = useRequest(
    () => api.read(spec.requests.get, { [spec.param]: id }),
    [api, spec, id, version],
  );
  // The state is on list items only: ask for this one by name, not for the whole list.
  const name = resource.data?.name;
  const listed = useRequest(async () => {
    if (!name) return undefined;
    const params: ListResourcesDto = { query: { names: [name] } };
    const items = await api.read(spec.requests.list, params);
    return items.find((r) => r.name === name);
  }, [api, spec, name, version]);
  const permission = useRequest(() => {
    const params: GetPermissionDto = { target: { type: spec.kind, id } };
    return api.read('GetPermission', params);
  }, [api, spec, id]);
  const [tab, setTab] = useState<Tab>(tabsOf(spec.kind, false)[0]);

  if (!resource.data) {
    return (
      <section>
        <h1>{spec.kind}</h1>
        {resource.loading ? (
          <p className="muted">Loading…</p>
        ) : (
          <ErrorNote error={resource.error} />
        )}
      </section>
    );
  }
  const current = resource.data;
  const level = permission.data?.level;
  const target = current._id.$oid;
  // A page opened by name would lose its resource to a rename: go on by id.
  const afterMetaSaved = () =>
    id === target
      ? resource.reload()
      : navigate(resourcePath(spec.kind, target), { replace: true });
  const executions = allows(level, 'Execute') ? (EXECUTIONS[spec.kind] ?? []) : [];
  const tabs = tabsOf(spec.kind, user.admin);
  const state = listed.data && stateOf(listed.data);
  const reason = listed.data && reasonOf(listed.data);

  return (
    <section>
      <header className="page-header">
        <div>
          <p className="muted kind-label">{spec.kind}</p>
          <h1>
            {current.name} <StateBadge state={state} />
          </h1>
          <ResourceMeta
            spec={spec}
            resource={current}
            canWrite={allows(level, 'Write')}
            onSaved={afterMetaSaved}
          />
          {reason && <p className="muted">{reason}</p>}
          {spec.kind === 'Repo' && <RepoCommits resource={current} />}
          {spec.kind === 'Build' && <BuildInfo item={listed.data} />}
          {(spec.kind === 'Procedure' || spec.kind === 'Action') && <NextRun item={listed.data} />}
        </div>
        {allows(level, 'Write') && (
          <ActionButton
            label="Delete"
            className="danger"
            confirm={`Delete ${spec.kind} '${current.name}'? Its history stays in the log.`}
            action={async () => {
              const params: DeleteResourceDto = { id: target };
              await api.write(spec.requests.delete, params);
              navigate(`/${spec.slug}`);
            }}
          />
        )}
      </header>
      <ErrorNote error={resource.error ?? permission.error} />
      <ExecutionButtons key={target} executions={executions} target={target} state={state} />
      {(spec.kind === 'Procedure' || spec.kind === 'Action') && allows(level, 'Execute') && (
        <RunPanel kind={spec.kind} id={target} />
      )}
      <nav className="tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </nav>
      {tab === 'Config' && hasWebhooks(spec.kind) && <WebhookUrls kind={spec.kind} id={target} />}
      {tab === 'Config' && (
        <ConfigTab
          spec={spec}
          resource={current}
          canWrite={allows(level, 'Write')}
          onSaved={resource.reload}
        />
      )}
      {tab === 'Stages' && (
        <StagesTab
          key={JSON.stringify(current.config)}
          id={target}
          stages={stagesOf(current.config)}
          canWrite={allows(level, 'Write')}
          onSaved={resource.reload}
        />
      )}
      {tab === 'Schedule' && (spec.kind === 'Procedure' || spec.kind === 'Action') && (
        <ScheduleTab
          key={JSON.stringify(current.config)}
          kind={spec.kind}
          id={target}
          name={current.name}
          config={current.config}
          canWrite={allows(level, 'Write')}
          onSaved={resource.reload}
        />
      )}
      {tab === 'Script' && (
        <ActionTab
          key={JSON.stringify(current.config)}
          id={target}
          {...scriptOf(current.config)}
          canWrite={allows(level, 'Write')}
          onSaved={resource.reload}
        />
      )}
      {tab === 'Plan' && spec.kind === 'ResourceSync' && (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <SyncPlanTab
            id={target}
            info={current.info as SyncInfoView}
            config={current.config as Partial<ResourceSyncConfig>}
            canExecute={allows(level, 'Execute')}
            canWrite={allows(level, 'Write')}
          />
        </Suspense>
      )}
      {tab === 'Stats' && <ServerStatsTab id={target} version={version} />}
      {tab === 'Containers' && <ContainersTab id={target} version={version} />}
      {tab === 'Images' && <ImagesTab id={target} version={version} />}
      {tab === 'Networks' && <NetworksTab id={target} version={version} />}
      {tab === 'Volumes' && <VolumesTab id={target} version={version} />}
      {tab === 'Services' && <StackServicesTab id={target} version={version} />}
      {tab === 'Log' && <LogTab kind={spec.kind} id={target} />}
      {tab === 'Inspect' && <InspectTab id={target} version={version} />}
      {tab === 'Versions' && <BuildVersionsTab id={target} version={version} />}
      {tab === 'Deliveries' && (
        <AlerterDeliveriesTab id={target} canExecute={allows(level, 'Execute')} />
      )}
      {tab === 'Updates' && <ResourceUpdates kind={spec.kind} id={target} version={version} />}
      {tab === 'Permissions' && <PermissionsTab kind={spec.kind} id={target} />}
      {tab === 'History' && <HistoryTab spec={spec} resource={current} version={version} />}
    </section>
  );
}
