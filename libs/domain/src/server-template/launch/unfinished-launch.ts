import type { ServerTemplateType } from '../server-template.config';
import type { LaunchPhase, LaunchStep, ServerLaunchState } from './server-launch';

/** What a launch may have left running and billed, which the deployer must terminate. */
export interface UnfinishedLaunch {
  updateId: string;
  provider: ServerTemplateType;
  /** The recorded instance (with its EC2 region), if the launch call's answer was recorded. */
  instanceId?: string;
  region?: string;
  /** Hetzner volumes created for it. */
  volumes: string[];
  /**
   * A create call may have been made without its answer being recorded (killed, or the
   * connection dropped after the provider acted): find what it made by the launch's own mark,
   * EC2's ClientToken or Hetzner's label, both made from the Update id, and record it first.
   */
  lookUp: boolean;
  /** No failure is recorded yet: record one at this step (the one it was in) before cleaning up. */
  failAt?: LaunchStep;
}

/**
 * What a restarted deployer must do for this launch: nothing once it launched its Server or
 * was cleaned up, or when it failed before anything was created; else terminate what it names.
 */
export function unfinishedLaunch(state: ServerLaunchState): UnfinishedLaunch | undefined {
  if (state.status !== 'Active') return undefined;
  const launch = state.launch;
  if (launch.phase === 'Launched' || launch.cleanup?.status === 'CleanedUp') return undefined;
  const failed = launch.phase === 'Failed';
  const step = launch.failure?.step;
  const lookUp = !launch.instance && (!failed || step === 'launch' || step === 'create volumes');
  const volumes = launch.volumes;
  if (!launch.instance && !lookUp && volumes.length === 0) return undefined;
  const out: UnfinishedLaunch = {
    updateId: launch.updateId,
    provider: launch.provider,
    volumes,
    lookUp,
  };
  if (launch.instance) {
    out.instanceId = launch.instance.instanceId;
    if (launch.instance.region !== undefined) out.region = launch.instance.region;
  }
  if (launch.phase !== 'Failed') out.failAt = STEP_AFTER[launch.phase];
  return out;
}

/**
 * The step a launch was in when it stopped at a phase. Before its instance is recorded that is
 * counted as the launch call, whose instance may exist unrecorded (volumes come before it).
 */
const STEP_AFTER: Record<Exclude<LaunchPhase, 'Launched' | 'Failed'>, LaunchStep> = {
  Requested: 'launch',
  InstanceLaunched: 'wait for instance',
  InstanceRunning: 'wait for agent',
  AgentAnswered: 'rotate passkey',
  PasskeyRotated: 'create server',
};
