import { conflict, notFound } from '../../shared/domain-error';
import type { DomainEvent } from '../../shared/domain-event';
import type {
  LaunchPhase,
  ServerLaunch,
  ServerLaunchCommand,
  ServerLaunchEvent,
  ServerLaunchState,
} from './server-launch';

export function evolveServerLaunch(
  state: ServerLaunchState,
  event: DomainEvent,
): ServerLaunchState {
  const e = event as ServerLaunchEvent;
  if (e.type === 'ServerLaunchRequested') {
    const { updateId, serverName, provider, template } = e.data;
    return {
      status: 'Active',
      launch: { updateId, serverName, provider, template, phase: 'Requested', volumes: [] },
    };
  }
  if (state.status !== 'Active') return state;
  const launch = state.launch;
  const next = (changes: Partial<ServerLaunch>): ServerLaunchState => ({
    status: 'Active',
    launch: { ...launch, ...changes },
  });
  switch (e.type) {
    case 'ServerVolumeCreated':
      return next({ volumes: [...launch.volumes, e.data.volumeId] });
    case 'ServerInstanceLaunched': {
      const { instanceId, region } = e.data;
      // Found again after a failed launch call, the instance is recorded but the launch stays failed.
      return next({
        instance: region === undefined ? { instanceId } : { instanceId, region },
        phase: launch.phase === 'Failed' ? 'Failed' : 'InstanceLaunched',
      });
    }
    case 'ServerInstanceRunning':
      return next({ phase: 'InstanceRunning', address: e.data.address });
    case 'ServerAgentAnswered':
      return next({ phase: 'AgentAnswered' });
    case 'ServerPasskeyRotated':
      return next({ phase: 'PasskeyRotated' });
    case 'ServerLaunched':
      return next({ phase: 'Launched', serverId: e.data.serverId });
    case 'ServerLaunchFailed':
      return next({ phase: 'Failed', failure: { step: e.data.step, reason: e.data.reason } });
    case 'ServerLaunchCleanedUp':
      return next({ cleanup: { status: 'CleanedUp' } });
    case 'ServerLaunchCleanupFailed': {
      const { reason, alertId } = e.data;
      return next({
        cleanup: alertId
          ? { status: 'CleanupFailed', reason, alertId }
          : { status: 'CleanupFailed', reason },
      });
    }
    default:
      return state;
  }
}

/** Each step of a successful launch, and the phase it follows. */
const FOLLOWS: Partial<Record<ServerLaunchCommand['type'], LaunchPhase>> = {
  RecordRunning: 'InstanceLaunched',
  RecordAgentAnswered: 'InstanceRunning',
  RecordPasskeyRotated: 'AgentAnswered',
  Complete: 'PasskeyRotated',
};

/**
 * The order a launch keeps: volumes, then one launch call, then running, the agent, the
 * passkey's rotation and the Server; a failure ends it, and only a failure that left something
 * behind is cleaned up. Recording what already is (the same instance, the same volume, a
 * cleanup done) changes nothing, so a retried step is safe.
 */
export function decideServerLaunch(
  state: ServerLaunchState,
  command: ServerLaunchCommand,
): ServerLaunchEvent[] {
  if (command.type === 'Request') {
    if (state.status !== 'Empty') throw conflict(`launch ${command.updateId} already exists`);
    const { updateId, serverName, provider, template, now } = command;
    return [
      {
        type: 'ServerLaunchRequested',
        data: { updateId, serverName, provider, template, ts: now },
      },
    ];
  }
  if (state.status !== 'Active') throw notFound('server launch not found');
  const launch = state.launch;
  const id = launch.updateId;
  const failedAt = (...steps: string[]) =>
    launch.phase === 'Failed' && !launch.cleanup && steps.includes(launch.failure!.step);
  switch (command.type) {
    case 'RecordVolume': {
      if (launch.volumes.includes(command.volumeId)) return [];
      if (launch.phase !== 'Requested' && !failedAt('create volumes', 'launch'))
        throw conflict(`launch ${id} ${at(launch)}: volumes are created before the launch call`);
      return [
        { type: 'ServerVolumeCreated', data: { volumeId: command.volumeId, ts: command.now } },
      ];
    }
    case 'RecordInstance': {
      const { instanceId, region, now } = command;
      if (launch.instance?.instanceId === instanceId) return [];
      if (launch.instance)
        throw conflict(
          `launch ${id} already launched ${launch.instance.instanceId}: a second launch call would leave it running`,
        );
      if (launch.phase !== 'Requested' && !failedAt('launch'))
        throw conflict(`launch ${id} ${at(launch)}: no launch call can have been made`);
      const data = { instanceId, provider: launch.provider, ts: now };
      return [
        { type: 'ServerInstanceLaunched', data: region === undefined ? data : { ...data, region } },
      ];
    }
    case 'RecordRunning':
    case 'RecordAgentAnswered':
    case 'RecordPasskeyRotated':
    case 'Complete': {
      if (launch.phase !== FOLLOWS[command.type])
        throw conflict(
          `launch ${id} ${at(launch)}: ${command.type} needs ${FOLLOWS[command.type]}`,
        );
      if (command.type === 'RecordRunning')
        return [
          { type: 'ServerInstanceRunning', data: { address: command.address, ts: command.now } },
        ];
      if (command.type === 'RecordAgentAnswered') {
        const data = command.version
          ? { version: command.version, ts: command.now }
          : { ts: command.now };
        return [{ type: 'ServerAgentAnswered', data }];
      }
      if (command.type === 'RecordPasskeyRotated')
        return [{ type: 'ServerPasskeyRotated', data: { ts: command.now } }];
      return [{ type: 'ServerLaunched', data: { serverId: command.serverId, ts: command.now } }];
    }
    case 'Fail': {
      if (launch.phase === 'Launched' || launch.phase === 'Failed')
        throw conflict(`launch ${id} ${at(launch)}`);
      const { step, reason, now } = command;
      return [{ type: 'ServerLaunchFailed', data: { step, reason, ts: now } }];
    }
    case 'RecordCleanedUp':
    case 'RecordCleanupFailed':
      return decideCleanup(launch, command);
  }
}

function decideCleanup(
  launch: ServerLaunch,
  command: Extract<ServerLaunchCommand, { type: 'RecordCleanedUp' | 'RecordCleanupFailed' }>,
): ServerLaunchEvent[] {
  const id = launch.updateId;
  if (launch.phase !== 'Failed')
    throw conflict(`launch ${id} ${at(launch)}: only a failed launch is cleaned up`);
  if (!launch.instance && launch.volumes.length === 0)
    throw conflict(`launch ${id}: nothing was launched, so there is nothing to clean up`);
  if (launch.cleanup?.status === 'CleanedUp') {
    if (command.type === 'RecordCleanedUp') return [];
    throw conflict(`launch ${id} has been cleaned up: its cleanup cannot fail now`);
  }
  const instanceId = launch.instance?.instanceId;
  const volumes = launch.volumes;
  if (command.type === 'RecordCleanedUp') {
    const data = instanceId
      ? { terminated: instanceId, volumes, ts: command.now }
      : { volumes, ts: command.now };
    return [{ type: 'ServerLaunchCleanedUp', data }];
  }
  const { reason, alertId, now } = command;
  const same = launch.cleanup?.reason === reason && launch.cleanup.alertId === alertId;
  if (same) return [];
  return [
    {
      type: 'ServerLaunchCleanupFailed',
      data: {
        ...(instanceId ? { instanceId } : {}),
        volumes,
        reason,
        ...(alertId ? { alertId } : {}),
        ts: now,
      },
    },
  ];
}

/** Where the launch is, for a refusal's message. */
function at(launch: ServerLaunch): string {
  if (launch.phase === 'Failed') return `has failed at '${launch.failure!.step}'`;
  if (launch.phase === 'Launched') return `has launched server ${launch.serverId}`;
  return `is at ${launch.phase}`;
}

export const serverLaunchDecider = {
  initialState: (): ServerLaunchState => ({ status: 'Empty' }),
  evolve: evolveServerLaunch,
  decide: decideServerLaunch,
};
