import type { Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { lastSuccess, repoLink, runState } from './run-states';

/** The kinds whose list `info` is read from config and runs (no polling). */
export const CONFIG_INFO_KINDS = [
  'Repo',
  'Build',
  'Builder',
  'Procedure',
  'ResourceSync',
  'Alerter',
  'ServerTemplate',
] as const;
type ConfigInfoKind = (typeof CONFIG_INFO_KINDS)[number];

export const hasConfigInfo = (kind: string): kind is ConfigInfoKind =>
  (CONFIG_INFO_KINDS as readonly string[]).includes(kind);

/**
 * Komodo's `<Kind>ListItemInfo` of the kinds Monitor stores but does not run yet: what the
 * config says, and the state and times of their runs (none yet, so Komodo's "never run").
 * ServerTemplate is Komodo 1.x's (`provider`, `instance_type`); Komodo 2 has no such kind.
 */
export function configInfo(readModel: ReadModel, resource: Resource): Record<string, unknown> {
  const kind = resource.kind as ConfigInfoKind;
  const runs = readModel.executions.forTarget(kind, resource.id);
  switch (kind) {
    case 'Repo': {
      const { config } = resource as Resource<'Repo'>;
      return {
        server_id: config.server_id,
        server_name: readModel.resourceById('Server', config.server_id)?.name,
        builder_id: config.builder_id,
        last_pulled_at: lastSuccess(runs, ['CloneRepo', 'PullRepo']),
        last_built_at: lastSuccess(runs, ['BuildRepo']),
        ...source(readModel, config),
        state: runState('Repo', runs),
      };
    }
    case 'Build': {
      const { config } = resource as Resource<'Build'>;
      return {
        state: runState('Build', runs),
        last_built_at: lastSuccess(runs, ['RunBuild']),
        version: config.version,
        builder_id: config.builder_id,
        files_on_host: config.files_on_host,
        dockerfile_contents: Boolean(config.dockerfile.trim()),
        ...source(readModel, config),
        image_registry_domain: config.image_registry[0]?.domain,
      };
    }
    case 'Builder': {
      const { config } = resource as Resource<'Builder'>;
      return {
        builder_type: config.type,
        instance_type:
          config.type === 'Aws'
            ? config.params.instance_type
            : config.type === 'Server'
              ? config.params.server_ids.join(', ')
              : undefined,
      };
    }
    case 'Procedure': {
      const { config } = resource as Resource<'Procedure'>;
      const lastRun = lastSuccess(runs, ['RunProcedure']);
      return {
        stages: config.stages.length,
        state: runState('Procedure', runs),
        last_run_at: lastRun || undefined,
      };
    }
    case 'ResourceSync': {
      const { config } = resource as Resource<'ResourceSync'>;
      return {
        last_sync_ts: lastSuccess(runs, ['RunSync']),
        files_on_host: config.files_on_host,
        file_contents: Boolean(config.file_contents.trim()),
        managed: config.managed,
        resource_path: config.resource_path,
        ...source(readModel, config),
        state: runState('ResourceSync', runs),
      };
    }
    case 'Alerter': {
      const { config } = resource as Resource<'Alerter'>;
      return { enabled: config.enabled, endpoint_type: config.endpoint.type };
    }
    case 'ServerTemplate': {
      const { config } = resource as Resource<'ServerTemplate'>;
      return {
        provider: config.type,
        instance_type:
          config.type === 'Aws' ? config.params.instance_type : config.params.server_type,
      };
    }
  }
}

interface GitSource {
  linked_repo?: string;
  git_provider: string;
  git_https: boolean;
  repo: string;
  branch: string;
}

/** Where the files come from: the linked Repo's repository when one is linked, as Komodo shows. */
function source(readModel: ReadModel, config: GitSource) {
  const linked = config.linked_repo
    ? readModel.resourceById('Repo', config.linked_repo)
    : undefined;
  const from: GitSource = linked ? linked.config : config;
  return {
    ...(config.linked_repo === undefined
      ? {}
      : { linked_repo: config.linked_repo, linked_repo_name: linked?.name }),
    git_provider: from.git_provider,
    repo: from.repo,
    branch: from.branch,
    repo_link: repoLink(from.git_provider, from.repo, from.branch, from.git_https),
  };
}
