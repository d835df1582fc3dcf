import type { Types } from 'komodo_client';
import { DEPLOYMENT_DEPLOYS, STACK_DEPLOYS, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { repoLink } from './run-states';
import { stackInfo } from './stack-info';

/** Komodo's DeploymentListItemInfo, field for field, its DeploymentState as the enum's values. */
export type DeploymentListInfo = Omit<Types.DeploymentListItemInfo, 'state'> & {
  state: `${Types.DeploymentState}`;
};

/**
 * Komodo's StackListItemInfo, field for field, its StackState as the enum's values; each service
 * also says its container's state (Monitor's, as GetStack's info does).
 */
export type StackListInfo = Omit<Types.StackListItemInfo, 'state' | 'services'> & {
  state: `${Types.StackState}`;
  services: (Types.StackServiceWithUpdate & { state: string })[];
};

/** Komodo's DeploymentListItemInfo, with the state polling last saw. */
export function deploymentListInfo(
  readModel: ReadModel,
  deployment: Resource<'Deployment'>,
): DeploymentListInfo {
  const { config } = deployment;
  const status = readModel.deploymentStatus.status(deployment.id);
  const server = readModel.resource('Server', config.server_id);
  const { image } = config;
  return {
    state: deploying(readModel, deployment, DEPLOYMENT_DEPLOYS)
      ? 'deploying'
      : (status?.state ?? 'unknown'),
    status: status?.state,
    custom_name: config.custom_name,
    image: status?.image || (image.type === 'Image' ? image.params.image : ''),
    update_available: status?.update_available ?? false,
    swarm_id: config.swarm_id,
    server_id: server?.id ?? '',
    server_name: server?.name,
    build_id: image.type === 'Build' ? image.params.build_id : undefined,
  };
}

/**
 * Komodo's StackListItemInfo: state and services as polling last saw them, where the files come
 * from, and the commits deployed and latest. Monitor does not list the compose files missing in
 * a repository on a read (none are named); the project is missing when polling found none of
 * its containers.
 */
export function stackListInfo(readModel: ReadModel, stack: Resource<'Stack'>): StackListInfo {
  const { config } = stack;
  const info = stackInfo(readModel, stack);
  const status = readModel.stackStatus.status(stack.id);
  return {
    state: deploying(readModel, stack, STACK_DEPLOYS) ? 'deploying' : info.state,
    status: info.state,
    services: info.services,
    auto_update_all_services: config.auto_update_all_services,
    swarm_id: config.swarm_id,
    server_id: config.server_id,
    server_name: readModel.resource('Server', config.server_id)?.name,
    files_on_host: config.files_on_host,
    file_contents: Boolean(config.file_contents.trim()),
    linked_repo: config.linked_repo,
    git_provider: config.git_provider,
    repo: config.repo,
    branch: config.branch,
    repo_link: repoLink(config.git_provider, config.repo, config.branch, config.git_https),
    project_missing: status !== undefined && status.services.length === 0,
    missing_files: [],
    deployed_hash: text(info.deployed_hash),
    latest_hash: text(info.latest_hash),
  };
}

/** Komodo shows `deploying` while a deploy of the resource runs, whatever polling saw. */
function deploying(readModel: ReadModel, resource: Resource, operations: readonly string[]) {
  return readModel.executions
    .forTarget(resource.kind, resource.id)
    .some((x) => x.status === 'InProgress' && operations.includes(x.operation));
}

/** A value an execution recorded, when it is text. */
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
