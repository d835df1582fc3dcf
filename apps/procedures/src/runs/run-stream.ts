import {
  DomainError,
  EVENT_UPCASTING,
  procedureRunCommandsDecider,
  procedureRunDecider,
  procedureRunStream,
  type ProcedureRun,
  type ProcedureRunCommand,
  type ProcedureRunState,
} from '@monitor/domain';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
} from '@monitor/eventstore';
import { eventMetadata, handleCommand, newId, type CommandMeta } from '@monitor/resources';

/**
 * A run's stream, written a command (or several, as one append) at a time. What this writer
 * last wrote is kept, so a write is one append rather than a read and an append; should another
 * writer (a lease's renewal, another replica) have moved the stream, the commands are decided
 * again on the stream as stored. Once `stop` has fired (this process stops, or lost the run's lease), nothing more
 * is written: what would be waits for ever, leaving the run as it stands for a replica to resume.
 */
export class RunStream {
  private known?: { state: ProcedureRunState; revision: ExpectedRevision };
  private tail: Promise<unknown> = Promise.resolve();
  /** The store position of what this writer last appended: read-your-writes for its caller. */
  position = 0;

  constructor(
    private readonly store: EventStore,
    readonly runId: string,
    private readonly meta: CommandMeta,
    private readonly stop?: AbortSignal,
  ) {}

  /** The commands in order, their events one append: all of them are written or none. */
  apply(...commands: ProcedureRunCommand[]): Promise<ProcedureRun> {
    const applied = this.tail.then(() => this.write(commands));
    this.tail = applied.catch(() => undefined);
    return applied;
  }

  /** Another writer of this run, stopping with `stop`, that knows what this one last wrote. */
  stoppingWith(stop: AbortSignal): RunStream {
    const stream = new RunStream(this.store, this.runId, this.meta, stop);
    stream.known = this.known;
    return stream;
  }

  async read(): Promise<ProcedureRunState> {
    const events = await this.store.readStream(procedureRunStream(this.runId));
    return events.reduce(procedureRunDecider.evolve, procedureRunDecider.initialState());
  }

  private async write(commands: ProcedureRunCommand[]): Promise<ProcedureRun> {
    if (this.stop?.aborted) return new Promise<never>(() => undefined);
    const known =
      this.known ??
      (commands[0]?.type === 'Queue'
        ? { state: procedureRunDecider.initialState(), revision: 'no_stream' as const }
        : undefined);
    if (known) {
      const written = await this.append(known, commands);
      if (written) return written;
    }
    const handled = await handleCommand(
      this.store,
      procedureRunStream(this.runId),
      procedureRunCommandsDecider,
      commands,
      this.meta,
    );
    const revision = handled.events.at(-1)?.revision;
    this.known = revision === undefined ? undefined : { state: handled.state, revision };
    this.position = handled.position;
    return activeRun(handled.state, this.runId);
  }

  /** The commands on the state last written; undefined when that state may be stale. */
  private async append(
    known: { state: ProcedureRunState; revision: ExpectedRevision },
    commands: ProcedureRunCommand[],
  ): Promise<ProcedureRun | undefined> {
    let decided;
    try {
      decided = procedureRunCommandsDecider.decide(known.state, commands);
    } catch (error) {
      // Refused on what this writer knows: decided again on the stream as stored.
      if (error instanceof DomainError) return undefined;
      throw error;
    }
    if (!decided.length) return activeRun(known.state, this.runId);
    const metadata = eventMetadata(this.meta);
    try {
      const result = await this.store.append(
        procedureRunStream(this.runId),
        decided.map((e) => ({
          id: newId(),
          type: e.type,
          data: e.data,
          metadata,
          schemaVersion: EVENT_UPCASTING.version(e.type),
        })),
        known.revision,
      );
      const state = decided.reduce(procedureRunDecider.evolve, known.state);
      this.known = { state, revision: result.revision };
      this.position = result.position;
      return activeRun(state, this.runId);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return undefined;
      throw error;
    }
  }
}

export function activeRun(state: ProcedureRunState, runId: string): ProcedureRun {
  if (state.status !== 'Active') throw new Error(`procedure run ${runId} has no stream`);
  return state.run;
}
