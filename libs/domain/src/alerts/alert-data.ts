import type { ResourceKind } from '../kinds';

/** Komodo's SeverityLevel values, spelled as Komodo serializes them. */
export const SEVERITY_LEVELS = ['OK', 'WARNING', 'CRITICAL'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

export function isSeverityLevel(value: unknown): value is SeverityLevel {
  return typeof value === 'string' && (SEVERITY_LEVELS as readonly string[]).includes(value);
}

/** Orders levels so hysteresis can compare them: OK < WARNING < CRITICAL. */
export function severityRank(level: SeverityLevel): number {
  return SEVERITY_LEVELS.indexOf(level);
}

/** Komodo's ResourceTarget: what an alert is about ('System' for alerts about Monitor itself). */
export interface AlertTarget {
  type: ResourceKind | 'System';
  id: string;
}

/** Komodo's `_Serror`: an error message with its chain of causes. */
export interface AlertError {
  error: string;
  trace: string[];
}

interface ServerRef {
  id: string;
  name: string;
  region?: string;
}

interface ResourceRef {
  id: string;
  name: string;
}

/** Where a deployment or stack runs: a server, or in Komodo a swarm (Monitor has none). */
interface OnServer extends ResourceRef {
  server_id?: string;
  server_name?: string;
  swarm_id?: string;
  swarm_name?: string;
}

interface BuildVersion {
  major: number;
  minor: number;
  patch: number;
}

/**
 * Beyond Komodo: why a deploy failed. `stage` is the failed stage of its Update, `log_tail` the
 * end of that stage's log with secrets masked, as the Update shows it.
 */
interface Failure {
  stage: string;
  log_tail: string;
}

/**
 * Komodo's AlertData, variant by variant, so alerts reach Komodo clients and alerter endpoints
 * in the shape they already parse. State names of containers and stacks stay strings: they are
 * Komodo's DeploymentState / StackState values, owned by the deployer.
 */
export type AlertData =
  | { type: 'None'; data: Record<string, never> }
  | { type: 'Test'; data: ResourceRef }
  | { type: 'SwarmUnhealthy'; data: ResourceRef & { err?: AlertError } }
  | { type: 'ServerUnreachable'; data: ServerRef & { err?: AlertError } }
  | { type: 'ServerCpu'; data: ServerRef & { percentage: number } }
  | { type: 'ServerMem'; data: ServerRef & { used_gb: number; total_gb: number } }
  | { type: 'ServerDisk'; data: ServerRef & { path: string; used_gb: number; total_gb: number } }
  | {
      type: 'ServerVersionMismatch';
      data: ServerRef & { server_version: string; core_version: string };
    }
  | { type: 'ContainerStateChange'; data: OnServer & { from: string; to: string } }
  | { type: 'DeploymentImageUpdateAvailable'; data: OnServer & { image: string } }
  | { type: 'DeploymentAutoUpdated'; data: OnServer & { image: string } }
  | { type: 'StackStateChange'; data: OnServer & { from: string; to: string } }
  | { type: 'StackImageUpdateAvailable'; data: OnServer & { service: string; image: string } }
  | { type: 'StackAutoUpdated'; data: OnServer & { images: string[] } }
  | { type: 'AwsBuilderTerminationFailed'; data: { instance_id: string; message: string } }
  | { type: 'ResourceSyncPendingUpdates'; data: ResourceRef }
  | { type: 'BuildFailed'; data: ResourceRef & { version: BuildVersion } }
  | { type: 'RepoBuildFailed'; data: ResourceRef }
  | { type: 'ProcedureFailed'; data: ResourceRef }
  | { type: 'ActionFailed'; data: ResourceRef }
  | { type: 'ScheduleRun'; data: ResourceRef & { resource_type: string } }
  | { type: 'Custom'; data: { message: string; details?: string } }
  | { type: 'DeploymentDeployed'; data: OnServer }
  | { type: 'DeploymentDeployFailed'; data: OnServer & Failure }
  | { type: 'StackDeployed'; data: OnServer }
  | { type: 'StackDeployFailed'; data: OnServer & Failure }
  | { type: 'BuildSucceeded'; data: ResourceRef & { version: BuildVersion } }
  /**
   * A webhook's RunSync that would have deleted more than the guard lets through unconfirmed:
   * nothing applied; `deletes` is what `confirm_deletes` must say when run by hand.
   */
  | {
      type: 'ResourceSyncDeletesHeld';
      data: ResourceRef & { deletes: number; scope: number; commit?: string };
    }
  /**
   * A failed server launch whose cleanup failed too: the instance (and Hetzner volumes) it made
   * may still be running and billed. CRITICAL, resolved when a background retry succeeds.
   */
  | {
      type: 'ServerLaunchCleanupFailed';
      data: {
        /** The launch's Update. */
        update_id: string;
        server_name: string;
        provider: string;
        /** '' when only volumes are left. */
        instance_id: string;
        volumes: string[];
        message: string;
      };
    }
  /** An alerter whose last attempts all failed; told to the other alerters. */
  | {
      type: 'AlerterFailing';
      data: ResourceRef & { failures_in_a_row: number; error?: string };
    }
  /**
   * An outgoing webhook subscription whose last attempts all failed (target: System with the
   * subscription's id, as it is no resource); resolved when one is delivered again.
   */
  | {
      type: 'EventSubscriptionFailing';
      data: ResourceRef & { failures_in_a_row: number; error?: string };
    };

export type AlertType = AlertData['type'];

/** The AlertData of one variant. */
export type AlertDataOf<T extends AlertType> = Extract<AlertData, { type: T }>;

/**
 * What tells two open alerts of the same type on the same target apart: a server has one CPU
 * alert but one disk alert per mount. Derived from the data, so nothing extra is stored.
 */
export function alertKey(data: AlertData): string {
  return data.type === 'ServerDisk' ? data.data.path : '';
}
