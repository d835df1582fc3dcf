import type { MaintenanceWindow, ReferenceSpec, ResourceTarget } from '../resources/configs/common';

export const ALERT_TYPES = [
  'None',
  'Test',
  'SwarmUnhealthy',
  'ServerVersionMismatch',
  'ServerUnreachable',
  'ServerCpu',
  'ServerMem',
  'ServerDisk',
  'ContainerStateChange',
  'DeploymentImageUpdateAvailable',
  'DeploymentAutoUpdated',
  'StackStateChange',
  'StackImageUpdateAvailable',
  'StackAutoUpdated',
  'AwsBuilderTerminationFailed',
  'ResourceSyncPendingUpdates',
  'BuildFailed',
  'RepoBuildFailed',
  'ProcedureFailed',
  'ActionFailed',
  'ScheduleRun',
  'Custom',
] as const;
export type AlerterAlertType = (typeof ALERT_TYPES)[number];

export type AlerterEndpoint =
  | { type: 'Custom'; params: { url: string } }
  | { type: 'Slack'; params: { url: string } }
  | { type: 'Discord'; params: { url: string } }
  /** `email` is optional in Komodo too: unset means no ntfy e-mail. */
  | { type: 'Ntfy'; params: { url: string; email?: string } }
  | { type: 'Pushover'; params: { url: string } };

export type AlerterEndpointType = AlerterEndpoint['type'];
export const ALERTER_ENDPOINT_TYPES: readonly AlerterEndpointType[] = [
  'Custom',
  'Slack',
  'Discord',
  'Ntfy',
  'Pushover',
];

/** Komodo's placeholder urls, which show the user the expected shape. */
const DEFAULT_ENDPOINT_URLS: Record<AlerterEndpointType, string> = {
  Custom: 'http://localhost:7000',
  Slack: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  Discord: 'https://discord.com/api/webhooks/XXXXXXXXXXXX/XXXX-XXXXXXXXXX',
  Ntfy: 'http://localhost:8080/komodo',
  Pushover: 'https://api.pushover.net/1/messages.json?token=XXXXXXXXXXXXX&user=XXXXXXXXXXXXX',
};

export function defaultAlerterEndpoint(type: AlerterEndpointType): AlerterEndpoint {
  return { type, params: { url: DEFAULT_ENDPOINT_URLS[type] } };
}

export interface AlerterConfig {
  enabled: boolean;
  endpoint: AlerterEndpoint;
  /** Empty means every type. */
  alert_types: AlerterAlertType[];
  /** Empty means every resource. */
  resources: ResourceTarget[];
  except_resources: ResourceTarget[];
  maintenance_windows: MaintenanceWindow[];
}

export function defaultAlerterConfig(): AlerterConfig {
  return {
    enabled: false,
    endpoint: defaultAlerterEndpoint('Custom'),
    alert_types: [],
    resources: [],
    except_resources: [],
    maintenance_windows: [],
  };
}

/**
 * `resources` and `except_resources` are ResourceTargets whose kind is in the data itself
 * (`{ type, id }`), so a fixed path-to-kind spec cannot describe them.
 */
export const ALERTER_REFERENCES: ReferenceSpec[] = [];

/** Chat webhook and ntfy topic urls carry their credentials; Custom urls often do too. */
export const ALERTER_SECRETS: string[][] = [['endpoint', 'params', 'url']];
