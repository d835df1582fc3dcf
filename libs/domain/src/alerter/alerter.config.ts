import type { MaintenanceWindow, ReferenceSpec, ResourceTarget } from '../resources/configs/common';

/** Komodo's AlertData variants (komodo_client 2.3.2), so Komodo files load. */
export const KOMODO_ALERT_TYPES = [
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

/**
 * Beyond Komodo: the outcome of each deploy and build, raised when its Update completes
 * (Komodo reports none for deploys: its issues 980, 1335).
 */
export const OUTCOME_ALERT_TYPES = [
  'DeploymentDeployed',
  'DeploymentDeployFailed',
  'StackDeployed',
  'StackDeployFailed',
  'BuildSucceeded',
] as const;

/**
 * Beyond Komodo: about Monitor's own deliveries (an alerter that keeps failing tells the
 * others; so does an outgoing webhook subscription).
 */
export const ALERTER_ALERT_TYPES = ['AlerterFailing', 'EventSubscriptionFailing'] as const;

/** Beyond Komodo: a sync whose webhook run was held for deleting too much unconfirmed. */
export const SYNC_ALERT_TYPES = ['ResourceSyncDeletesHeld'] as const;

/** Beyond Komodo: a server launch that may have left a paid machine behind. */
export const LAUNCH_ALERT_TYPES = ['ServerLaunchCleanupFailed'] as const;

export const ALERT_TYPES = [
  ...KOMODO_ALERT_TYPES,
  ...OUTCOME_ALERT_TYPES,
  ...ALERTER_ALERT_TYPES,
  ...SYNC_ALERT_TYPES,
  ...LAUNCH_ALERT_TYPES,
] as const;
export type AlerterAlertType = (typeof ALERT_TYPES)[number];

export type AlerterEndpoint =
  | { type: 'Custom'; params: { url: string } }
  | { type: 'Slack'; params: { url: string } }
  | { type: 'Discord'; params: { url: string } }
  /** `email` is optional in Komodo too: unset means no ntfy e-mail. */
  | { type: 'Ntfy'; params: { url: string; email?: string } }
  | { type: 'Pushover'; params: { url: string } }
  | TelegramEndpoint
  | EmailEndpoint;

/** Beyond Komodo: a Telegram bot's `sendMessage` (Komodo issue 249). */
export interface TelegramEndpoint {
  type: 'Telegram';
  /** `url` is the Bot API base (a local Bot API server, or a receiver in tests). */
  params: { bot_token: string; chat_id: string; url: string };
}

export const EMAIL_SECURITIES = ['none', 'starttls', 'tls'] as const;
export type EmailSecurity = (typeof EMAIL_SECURITIES)[number];

/** Beyond Komodo: e-mail over SMTP. An empty `username` sends without authenticating. */
export interface EmailEndpoint {
  type: 'Email';
  params: {
    host: string;
    port: number;
    security: EmailSecurity;
    username: string;
    password: string;
    from: string;
    to: string[];
  };
}

/** The endpoints Komodo knows: what a Komodo client or file can hold. */
export type KomodoAlerterEndpoint = Exclude<AlerterEndpoint, TelegramEndpoint | EmailEndpoint>;

export type AlerterEndpointType = AlerterEndpoint['type'];
export const ALERTER_ENDPOINT_TYPES: readonly AlerterEndpointType[] = [
  'Custom',
  'Slack',
  'Discord',
  'Ntfy',
  'Pushover',
  'Telegram',
  'Email',
];

export const TELEGRAM_API_URL = 'https://api.telegram.org';

/** Komodo's placeholder urls, which show the user the expected shape. */
const DEFAULT_ENDPOINT_URLS: Record<KomodoAlerterEndpoint['type'], string> = {
  Custom: 'http://localhost:7000',
  Slack: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  Discord: 'https://discord.com/api/webhooks/XXXXXXXXXXXX/XXXX-XXXXXXXXXX',
  Ntfy: 'http://localhost:8080/komodo',
  Pushover: 'https://api.pushover.net/1/messages.json?token=XXXXXXXXXXXXX&user=XXXXXXXXXXXXX',
};

export function defaultAlerterEndpoint<T extends AlerterEndpointType>(
  type: T,
): Extract<AlerterEndpoint, { type: T }> {
  return defaultEndpoint(type) as Extract<AlerterEndpoint, { type: T }>;
}

function defaultEndpoint(type: AlerterEndpointType): AlerterEndpoint {
  if (type === 'Telegram')
    return { type, params: { bot_token: '', chat_id: '', url: TELEGRAM_API_URL } };
  if (type === 'Email') {
    const params = { host: 'localhost', port: 587, security: 'starttls' as const };
    return { type, params: { ...params, username: '', password: '', from: '', to: [] } };
  }
  return { type, params: { url: DEFAULT_ENDPOINT_URLS[type] } };
}

export interface AlerterConfig {
  enabled: boolean;
  endpoint: AlerterEndpoint;
  /** Empty means every type but the successes (see `takesAlertType`). */
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

/**
 * Chat webhook and ntfy topic urls carry their credentials, Custom urls often do too; a
 * Telegram bot token and an SMTP password are credentials themselves.
 */
export const ALERTER_SECRETS: string[][] = [
  ['endpoint', 'params', 'url'],
  ['endpoint', 'params', 'bot_token'],
  ['endpoint', 'params', 'password'],
];
