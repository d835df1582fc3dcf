import type { Types } from 'komodo_client';
import type { ServerTemplateAnswers } from '@monitor/contracts';
import {
  recordedRuns,
  REPO_RECORDING_RUNS,
  replayRepo,
  syncState,
  type AlerterEndpointType,
  type AlerterHealth,
  type Execution,
  type Resource,
} from '@monitor/domain';
import type { LastDelivery, ReadModel } from '@monitor/projections';
import { buildInfo } from '../builds/build-shown';
import { lastSuccess, repoBuilt, repoLink, runState, type RunStates } from './run-states';

/** The kinds whose list `info` is read from config and runs (no polling). */
export type ConfigInfoKind =
  | 'Repo'
  | 'Build'
  | 'Builder'
  | 'Procedure'
  | 'Action'
  | 'ResourceSync'
  | 'Alerter'
  | 'ServerTemplate';

/** An interface's fields as an object type, which (unlike the interface) is a record of them. */
type Fields<T> = { [F in keyof T]: T[F] };

/** Komodo's `<Kind>ListItemInfo` of each kind, field for field, its state enum as the values. */
export interface ConfigInfo {
  Repo: Omit<Types.RepoListItemInfo, 'state'> & { state: RunStates['Repo'] };
  Build: Omit<Types.BuildListItemInfo, 'state'> & { state: RunStates['Build'] };
  Builder: Fields<Types.BuilderListItemInfo>;
  Procedure: Omit<Types.ProcedureListItemInfo, 'state'> & { state: RunStates['Procedure'] };
  Action: Omit<Types.ActionListItemInfo, 'state'> & { state: RunStates['Action'] };
  ResourceSync: Omit<Types.ResourceSyncListItemInfo, 'state'> & {
    state: RunStates['ResourceSync'];
  };
  // Telegram and Email are Monitor's own endpoint types; the delivery and the health are
  // Monitor's (issue 14).
  Alerter: Omit<Types.AlerterListItemInfo, 'endpoint_type'> & {
    endpoint_type: AlerterEndpointType;
    /** The newest delivery that was not skipped; absent before the first. */
    last_delivery?: LastDelivery;
    /** `Failing` after 5 failed attempts in a row, `Ok` again after a success. */
    health: AlerterHealth;
  };
  /** Komodo 1.x's, which Monitor keeps (Komodo 2 has no ServerTemplate). */
  ServerTemplate: ServerTemplateAnswers['list'][number]['info'];
}

/** Per kind, its list `info` from the resource, its runs (newest first) and the read model. */
export type ConfigInfos = {
  [K in ConfigInfoKind]: (
    resource: Resource<K>,
    runs: Execution[],
    readModel: ReadModel,
  ) => ConfigInfo[K];
};

/**
 * Komodo's `<Kind>ListItemInfo` of the kinds Monitor stores but does not run yet: what the
 * config says, and the state and times of their runs (none yet, so Komodo's "never run").
 * ServerTemplate is Komodo 1.x's (`provider`, `instance_type`); Komodo 2 has no such kind.
 */
export const CONFIG_INFOS: ConfigInfos = {
  Repo: ({ config }, runs, readModel) => {
    const record = replayRepo(recordedRuns(runs, REPO_RECORDING_RUNS).reverse());
    return {
      server_id: config.server_id,
      server_name: readModel.resourceById('Server', config.server_id)?.name,
      builder_id: config.builder_id,
      last_pulled_at: record.last_pulled_at,
      last_built_at: lastSuccess(runs, ['BuildRepo']),
      ...source(config),
      state: runState('Repo', runs),
      cloned_hash: record.cloned_hash,
      cloned_message: record.cloned_message,
      built_hash: repoBuilt(runs).hash,
      latest_hash: record.latest_hash,
    };
  },
  Build: (build, _runs, readModel) => buildInfo(readModel, build),
  Builder: ({ config }) => ({
    builder_type: config.type,
    instance_type:
      config.type === 'Aws'
        ? config.params.instance_type
        : config.type === 'Server'
          ? config.params.server_ids.join(', ')
          : undefined,
  }),
  Procedure: ({ config }, runs) => ({
    stages: config.stages.length,
    state: runState('Procedure', runs),
    last_run_at: lastSuccess(runs, ['RunProcedure']) || undefined,
  }),
  Action: (_action, runs) => ({
    state: runState('Action', runs),
    last_run_at: lastSuccess(runs, ['RunAction']) || undefined,
  }),
  ResourceSync: ({ id, config }, runs, readModel) => {
    const record = readModel.syncs.of(id);
    return {
      last_sync_ts: record.last_sync?.at ?? 0,
      files_on_host: config.files_on_host,
      file_contents: Boolean(config.file_contents.trim()),
      managed: config.managed,
      resource_path: config.resource_path,
      ...linkedSource(readModel, config),
      last_sync_hash: record.last_sync?.commit,
      last_sync_message: record.last_sync?.message,
      state: syncState(record, runState('ResourceSync', runs) === 'Syncing'),
    };
  },
  Alerter: ({ id, config }, _runs, readModel) => ({
    enabled: config.enabled,
    endpoint_type: config.endpoint.type,
    last_delivery: readModel.alerterDeliveries.lastDelivery(id),
    health: readModel.alerterDeliveries.health(id),
  }),
  ServerTemplate: ({ config }) => ({
    provider: config.type,
    instance_type: config.type === 'Aws' ? config.params.instance_type : config.params.server_type,
  }),
};

interface GitSource {
  git_provider: string;
  git_https: boolean;
  repo: string;
  branch: string;
}

/** Where a Repo's files come from: its repository. */
function source(from: GitSource) {
  return {
    git_provider: from.git_provider,
    repo: from.repo,
    branch: from.branch,
    repo_link: repoLink(from.git_provider, from.repo, from.branch, from.git_https),
  };
}

/** Where the files come from: the linked Repo's repository when one is linked, as Komodo shows. */
function linkedSource(readModel: ReadModel, config: GitSource & { linked_repo: string }) {
  const linked = config.linked_repo
    ? readModel.resourceById('Repo', config.linked_repo)
    : undefined;
  return {
    linked_repo: config.linked_repo,
    linked_repo_name: linked?.name,
    ...source(linked ? linked.config : config),
  };
}
