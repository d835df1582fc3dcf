import type { MaintenanceWindow, ReferenceSpec } from '../resources/configs/common';

export interface ServerConfig {
  address: string;
  insecure_tls: boolean;
  external_address: string;
  region: string;
  enabled: boolean;
  auto_rotate_keys: boolean;
  passkey: string;
  ignore_mounts: string[];
  auto_prune: boolean;
  links: string[];
  stats_monitoring: boolean;
  send_unreachable_alerts: boolean;
  send_cpu_alerts: boolean;
  send_mem_alerts: boolean;
  send_disk_alerts: boolean;
  send_version_mismatch_alerts: boolean;
  /** Percentages, 0 to 100. */
  cpu_warning: number;
  cpu_critical: number;
  mem_warning: number;
  mem_critical: number;
  disk_warning: number;
  disk_critical: number;
  maintenance_windows: MaintenanceWindow[];
  /**
   * Monitor's, beyond Komodo: what users without Terminal on this server may still use of what
   * equals root on it (host powers, e.g. `bind_mount`, `capabilities`), and the host folders
   * they may bind-mount. Empty: nothing.
   */
  user_host_powers: string[];
  user_bind_paths: string[];
}

/** Komodo 2.3's `ServerConfig::default()`; a new server starts disabled. */
export function defaultServerConfig(): ServerConfig {
  return {
    address: '',
    insecure_tls: true,
    external_address: '',
    region: '',
    enabled: false,
    auto_rotate_keys: true,
    passkey: '',
    ignore_mounts: [],
    auto_prune: true,
    links: [],
    stats_monitoring: true,
    send_unreachable_alerts: true,
    send_cpu_alerts: true,
    send_mem_alerts: true,
    send_disk_alerts: true,
    send_version_mismatch_alerts: true,
    cpu_warning: 90,
    cpu_critical: 99,
    mem_warning: 75,
    mem_critical: 95,
    disk_warning: 75,
    disk_critical: 95,
    maintenance_windows: [],
    user_host_powers: [],
    user_bind_paths: [],
  };
}

export const SERVER_REFERENCES: ReferenceSpec[] = [];

export const SERVER_SECRETS: string[][] = [['passkey']];
