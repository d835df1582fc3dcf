import type { ServerConfig } from '@monitor/contracts';
import { MAINTENANCE_WINDOWS } from './common';

export const SERVER_HELP: Partial<Record<keyof ServerConfig, string>> = {
  address: "The agent's address, e.g. https://10.0.0.5:8120.",
  insecure_tls: "Accept the agent's self-signed certificate (pinned at first contact).",
  external_address: 'The address users reach the host on, used for links to its ports.',
  region: 'Free text to group servers.',
  enabled: 'Disabled servers are not polled and refuse executions.',
  auto_rotate_keys: 'Include this server when the keys of all servers are rotated at once.',
  passkey: 'The passkey the agent expects. Never shown once set.',
  ignore_mounts: 'Mount points left out of disk usage and disk alerts, one per line.',
  auto_prune: 'Prune unused images daily.',
  links: 'Links shown on the server page.',
  stats_monitoring: 'Record system stats for the history charts.',
  send_unreachable_alerts: 'Alert when the agent cannot be reached.',
  send_cpu_alerts: 'Alert when CPU use passes the thresholds.',
  send_mem_alerts: 'Alert when memory use passes the thresholds.',
  send_disk_alerts: 'Alert when disk use passes the thresholds.',
  send_version_mismatch_alerts: "Alert when the agent's version differs from the core's.",
  cpu_warning: 'Percent of CPU for a warning.',
  cpu_critical: 'Percent of CPU for a critical alert.',
  mem_warning: 'Percent of memory for a warning.',
  mem_critical: 'Percent of memory for a critical alert.',
  disk_warning: 'Percent of disk for a warning.',
  disk_critical: 'Percent of disk for a critical alert.',
  maintenance_windows: MAINTENANCE_WINDOWS,
  user_host_powers:
    'Root-equivalent powers (bind_mount, capabilities, ...) users without Terminal may use here.',
  user_bind_paths: 'Host folders users without Terminal may bind-mount here, one per line.',
};
