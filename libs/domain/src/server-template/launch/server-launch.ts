import type { DomainEvent } from '../../shared/domain-event';
import type { ServerTemplateType } from '../server-template.config';

/** One stream per launch, named by its Update: what a restarted deployer reads back. */
export const serverLaunchStream = (updateId: string) => `serverlaunch-${updateId}`;

/** The steps of a launch, in order, as the Update's stages name them. */
export const LAUNCH_STEPS = [
  'reserve name',
  'prepare',
  'create volumes',
  'launch',
  'wait for instance',
  'wait for agent',
  'rotate passkey',
  'create server',
] as const;
export type LaunchStep = (typeof LAUNCH_STEPS)[number];

/**
 * The template as launched, for the record: its config with `user_data` replaced by its size,
 * since a script is where people paste tokens, and the record is read by anyone who can read it.
 */
export interface LaunchedTemplate {
  id: string;
  name: string;
  type: ServerTemplateType;
  params: Record<string, unknown>;
  user_data_bytes: number;
}

/** Where the launched machine lives: enough to find and terminate it (EC2 needs its region). */
export interface LaunchedInstance {
  instanceId: string;
  region?: string;
}

export interface LaunchFailure {
  step: LaunchStep;
  reason: string;
}

export type LaunchPhase =
  | 'Requested'
  | 'InstanceLaunched'
  | 'InstanceRunning'
  | 'AgentAnswered'
  | 'PasskeyRotated'
  | 'Launched'
  | 'Failed';

export type CleanupStatus = 'CleanedUp' | 'CleanupFailed';

export interface ServerLaunch {
  updateId: string;
  serverName: string;
  provider: ServerTemplateType;
  template: LaunchedTemplate;
  phase: LaunchPhase;
  /** Hetzner volumes created for this launch, by id, in order. */
  volumes: string[];
  instance?: LaunchedInstance;
  address?: string;
  serverId?: string;
  failure?: LaunchFailure;
  cleanup?: { status: CleanupStatus; reason?: string; alertId?: string };
}

export type ServerLaunchState = { status: 'Empty' } | { status: 'Active'; launch: ServerLaunch };

export type ServerLaunchEvent =
  | DomainEvent<
      'ServerLaunchRequested',
      {
        updateId: string;
        serverName: string;
        provider: ServerTemplateType;
        template: LaunchedTemplate;
        ts: number;
      }
    >
  | DomainEvent<'ServerVolumeCreated', { volumeId: string; ts: number }>
  | DomainEvent<
      'ServerInstanceLaunched',
      { instanceId: string; provider: ServerTemplateType; region?: string; ts: number }
    >
  | DomainEvent<'ServerInstanceRunning', { address: string; ts: number }>
  | DomainEvent<'ServerAgentAnswered', { version?: string; ts: number }>
  | DomainEvent<'ServerPasskeyRotated', { ts: number }>
  | DomainEvent<'ServerLaunched', { serverId: string; ts: number }>
  | DomainEvent<'ServerLaunchFailed', LaunchFailure & { ts: number }>
  | DomainEvent<'ServerLaunchCleanedUp', { terminated?: string; volumes: string[]; ts: number }>
  | DomainEvent<
      'ServerLaunchCleanupFailed',
      { instanceId?: string; volumes: string[]; reason: string; alertId?: string; ts: number }
    >;

export type ServerLaunchCommand =
  | {
      type: 'Request';
      updateId: string;
      serverName: string;
      provider: ServerTemplateType;
      template: LaunchedTemplate;
      now: number;
    }
  | { type: 'RecordVolume'; volumeId: string; now: number }
  | { type: 'RecordInstance'; instanceId: string; region?: string; now: number }
  | { type: 'RecordRunning'; address: string; now: number }
  | { type: 'RecordAgentAnswered'; version?: string; now: number }
  | { type: 'RecordPasskeyRotated'; now: number }
  | { type: 'Complete'; serverId: string; now: number }
  | { type: 'Fail'; step: LaunchStep; reason: string; now: number }
  /** What the cleanup terminated and deleted: all that the launch recorded. */
  | { type: 'RecordCleanedUp'; now: number }
  | { type: 'RecordCleanupFailed'; reason: string; alertId?: string; now: number };
