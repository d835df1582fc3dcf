import {
  serverLaunchDecider,
  serverLaunchStream,
  type ServerLaunch,
  type ServerLaunchCommand,
  type ServerLaunchState,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { handleCommand, type CommandMeta } from '@monitor/resources';

/** A launch command as the deployer gives it; the time is added as it is recorded. */
export type LaunchRecordCommand = ServerLaunchCommand extends infer C
  ? C extends { now: number }
    ? Omit<C, 'now'>
    : never
  : never;

/**
 * One launch's record (`serverlaunch-<update id>`), written through the domain's decider at each
 * step, so that a restarted deployer knows what the launch may have left running.
 */
export class LaunchRecord {
  constructor(
    private readonly store: EventStore,
    readonly updateId: string,
    private readonly meta: CommandMeta,
  ) {}

  async apply(command: LaunchRecordCommand): Promise<ServerLaunch> {
    const { state } = await handleCommand(
      this.store,
      serverLaunchStream(this.updateId),
      serverLaunchDecider,
      { ...command, now: Date.now() } as ServerLaunchCommand,
      this.meta,
    );
    return activeLaunch(state, this.updateId);
  }

  async read(): Promise<ServerLaunch> {
    return activeLaunch(await readLaunch(this.store, this.updateId), this.updateId);
  }
}

export async function readLaunch(store: EventStore, updateId: string): Promise<ServerLaunchState> {
  const events = await store.readStream(serverLaunchStream(updateId));
  return events.reduce(serverLaunchDecider.evolve, serverLaunchDecider.initialState());
}

function activeLaunch(state: ServerLaunchState, updateId: string): ServerLaunch {
  if (state.status !== 'Active') throw new Error(`launch ${updateId} has no record`);
  return state.launch;
}
