import {
  procedureRunDecider,
  procedureRunStream,
  type ProcedureRun,
  type ProcedureRunCommand,
  type ProcedureRunState,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { handleCommand, type CommandMeta } from '@monitor/resources';

/**
 * A run's stream: each command decided on the stream as stored (any replica may have moved it).
 * Once `stop` has fired (this process stops, or lost the run's lease), nothing more is written:
 * what would be waits for ever, so the run is left as it stands for a replica to resume.
 */
export class RunStream {
  constructor(
    private readonly store: EventStore,
    readonly runId: string,
    private readonly meta: CommandMeta,
    private readonly stop?: AbortSignal,
  ) {}

  async apply(command: ProcedureRunCommand): Promise<ProcedureRun> {
    if (this.stop?.aborted) return new Promise<never>(() => undefined);
    const { state } = await handleCommand(
      this.store,
      procedureRunStream(this.runId),
      procedureRunDecider,
      command,
      this.meta,
    );
    return activeRun(state, this.runId);
  }

  async read(): Promise<ProcedureRunState> {
    const events = await this.store.readStream(procedureRunStream(this.runId));
    return events.reduce(procedureRunDecider.evolve, procedureRunDecider.initialState());
  }
}

export function activeRun(state: ProcedureRunState, runId: string): ProcedureRun {
  if (state.status !== 'Active') throw new Error(`procedure run ${runId} has no stream`);
  return state.run;
}
