import {
  failedLog,
  updateCommandsDecider,
  updateStream,
  type UpdateCommand,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { handleCommand, type CommandMeta } from '@monitor/resources';

/**
 * The Update of a run recorded before runs' Updates were their streams' projections: written
 * apart, to `update-<id>`, it is completed here once the run has ended (a failed one saying why).
 */
export class LegacyRunUpdate {
  constructor(
    private readonly store: EventStore,
    private readonly id: string,
    private readonly meta: CommandMeta,
  ) {}

  /** Completed as its run ended: a failure says where (`stage`) and why. */
  async end(success: boolean, stage: string, reason: string): Promise<void> {
    const ts = Date.now();
    const commands: UpdateCommand[] = success
      ? []
      : [{ type: 'AppendLog', log: failedLog(stage, reason, ts) }];
    commands.push({ type: 'Complete', success, ts });
    await handleCommand(
      this.store,
      updateStream(this.id),
      updateCommandsDecider,
      commands,
      this.meta,
    );
  }
}
