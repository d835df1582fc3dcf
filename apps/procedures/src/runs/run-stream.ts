import {
  procedureRunDecider,
  procedureRunStream,
  type ProcedureRun,
  type ProcedureRunCommand,
  type ProcedureRunState,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { handleCommand, type CommandMeta } from '@monitor/resources';

/** A run's stream: each command decided on the stream as stored (any replica may have moved it). */
export class RunStream {
  constructor(
    private readonly store: EventStore,
    readonly runId: string,
    private readonly meta: CommandMeta,
  ) {}

  async apply(command: ProcedureRunCommand): Promise<ProcedureRun> {
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
