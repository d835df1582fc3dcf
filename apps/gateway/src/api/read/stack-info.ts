import {
  recordedRuns,
  STACK_DEPLOYS,
  type Resource,
  type StackServiceStatus,
  type StackState,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/** A stack's info: its state and services typed, what its executions recorded as recorded. */
export type StackInfo = {
  state: StackState;
  services: (StackServiceStatus & { update_available: boolean })[];
} & Record<
  | 'deployed_project_name'
  | 'deployed_hash'
  | 'deployed_message'
  | 'deployed_contents'
  | 'latest_hash'
  | 'latest_message'
  | 'remote_contents',
  unknown
>;

/**
 * Komodo's StackInfo, with the state polling last saw, and from the stack's own executions:
 * what the newest successful deploy recorded (files as deployed, the commit they came from) and
 * what the newest refresh or deploy saw in the repository.
 */
export function stackInfo(readModel: ReadModel, stack: Resource): StackInfo {
  const executions = readModel.executions.forTarget('Stack', stack.id);
  const deployed = recordedRuns(executions, STACK_DEPLOYS)[0]?.otherData ?? {};
  const latest = recordedRuns(executions, [...STACK_DEPLOYS, 'RefreshStackCache'])[0]?.otherData;
  const latestFromRefresh = latest && 'latest_contents' in latest;
  const status = readModel.stackStatus.status(stack.id);
  return {
    state: status?.state ?? 'unknown',
    // Komodo's StackServiceWithUpdate: each service says whether a newer image waits.
    services: (status?.services ?? []).map((service) => ({
      ...service,
      update_available: status?.updates_available?.includes(service.service) ?? false,
    })),
    deployed_project_name: deployed.project,
    deployed_hash: deployed.commit_hash,
    deployed_message: deployed.commit_message,
    deployed_contents: deployed.deployed_contents,
    latest_hash: latestFromRefresh ? latest.latest_hash : deployed.commit_hash,
    latest_message: latestFromRefresh ? latest.latest_message : deployed.commit_message,
    remote_contents: latestFromRefresh ? latest.latest_contents : deployed.deployed_contents,
  };
}
