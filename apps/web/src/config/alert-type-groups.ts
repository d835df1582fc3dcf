import type { AlerterConfig } from '@monitor/contracts';

export type AlertTypeName = AlerterConfig['alert_types'][number];

type Group = 'Server' | 'Deployment' | 'Stack' | 'Build' | 'Outcomes' | 'Other';

/** Each alert type's group on the Alerter page; typed over every type, so none is left out. */
const GROUP_OF: Record<AlertTypeName, Group> = {
  ServerUnreachable: 'Server',
  ServerCpu: 'Server',
  ServerMem: 'Server',
  ServerDisk: 'Server',
  ServerVersionMismatch: 'Server',
  SwarmUnhealthy: 'Server',
  ServerLaunchCleanupFailed: 'Server',
  ContainerStateChange: 'Deployment',
  DeploymentImageUpdateAvailable: 'Deployment',
  DeploymentAutoUpdated: 'Deployment',
  StackStateChange: 'Stack',
  StackImageUpdateAvailable: 'Stack',
  StackAutoUpdated: 'Stack',
  BuildFailed: 'Build',
  RepoBuildFailed: 'Build',
  AwsBuilderTerminationFailed: 'Build',
  DeploymentDeployed: 'Outcomes',
  DeploymentDeployFailed: 'Outcomes',
  StackDeployed: 'Outcomes',
  StackDeployFailed: 'Outcomes',
  BuildSucceeded: 'Outcomes',
  ProcedureFailed: 'Outcomes',
  ActionFailed: 'Outcomes',
  Custom: 'Other',
  AlerterFailing: 'Other',
  EventSubscriptionFailing: 'Other',
  ResourceSyncPendingUpdates: 'Other',
  ResourceSyncDeletesHeld: 'Other',
  ScheduleRun: 'Other',
  Test: 'Other',
  None: 'Other',
};

const ORDER: Group[] = ['Server', 'Deployment', 'Stack', 'Build', 'Outcomes', 'Other'];

/** The alert types by group, in the page's order. */
export const ALERT_TYPE_GROUPS: { group: Group; types: AlertTypeName[] }[] = ORDER.map((group) => ({
  group,
  types: (Object.keys(GROUP_OF) as AlertTypeName[]).filter((type) => GROUP_OF[type] === group),
}));
