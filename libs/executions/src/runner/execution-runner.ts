import {
  decideUpdates,
  EVENT_UPCASTING,
  failedLog,
  evolveUpdate,
  updateCommandsDecider,
  updateStream,
  type ExecutionState,
  type ExecutionTarget,
  type UpdateCommand,
} from '@monitor/domain';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
} from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { eventMetadata, handleCommand, newId, type CommandMeta } from '@monitor/resources';
import { ExecutionContext, StageFailed } from './execution-context';

export interface ExecutionRequest {
  operation: string;
  target: ExecutionTarget;
  meta: CommandMeta;
  work: (context: ExecutionContext) => Promise<void>;
}

export interface StartedExecution {
  id: string;
  /** Log position of the Update's first event: read-your-writes for the caller. */
  position: number;
  /** Resolves when the execution has ended, to whether it succeeded; never rejects. */
  done: Promise<boolean>;
}

/**
 * Runs executions: answers at once with an Update, runs one execution at a time per resource
 * (a second one waits as `Queued`, never refused as busy), logs each stage, completes.
 * The queue is per process: replicas of a service share resources through NATS queue groups.
 */
export class ExecutionRunner {
  private readonly tails = new Map<string, Promise<void>>();
  /** What this runner last wrote to each Update still running. */
  private readonly written = new Map<string, { state: ExecutionState; revision: number }>();

  constructor(
    private readonly store: EventStore,
    private readonly readModel: ReadModel,
    /** Where failures to record an execution go (the event store itself failing). */
    private readonly logger: (message: string) => void = console.error,
  ) {}

  async start({ operation, target, meta, work }: ExecutionRequest): Promise<StartedExecution> {
    // A run named before it starts (meta.updateId) is created once: a second Start conflicts.
    const id = meta.updateId ?? newId();
    const key = `${target.type}/${target.id}`;
    const previous = this.tails.get(key);
    const recorded = this.run(
      id,
      [{ type: 'Start', id, operation, target, queued: !!previous, ts: Date.now() }],
      meta,
    );
    // The queue's tail is taken before anything is awaited: a start on the same resource
    // arriving meanwhile waits behind this one instead of running beside it.
    const done = Promise.all([recorded, previous]).then(
      () => this.execute(id, meta, work),
      () => false,
    );
    this.queueBehind(key, done);
    const { position } = await recorded;
    return { id, position, done };
  }

  private queueBehind(key: string, done: Promise<boolean>): void {
    const tail = done.then(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
  }

  /**
   * Marks executions left unfinished by a crash as failed, so nothing stays InProgress; only
   * those started before `startedBefore` when given (a replica's own, started since, run on).
   */
  async interruptUnfinished(
    targetTypes: string[],
    meta: CommandMeta,
    startedBefore = Infinity,
  ): Promise<number> {
    const unfinished = this.readModel.executions
      .unfinished()
      .filter((x) => targetTypes.includes(x.target.type) && x.startTs < startedBefore);
    for (const x of unfinished) {
      const log = failedLog(
        'interrupted',
        'interrupted: the service stopped while this ran',
        Date.now(),
      );
      const complete = { type: 'Complete' as const, success: false, ts: log.end_ts };
      await this.run(x.id, [{ type: 'AppendLog', log }, complete], meta);
    }
    return unfinished.length;
  }

  private async execute(
    id: string,
    meta: CommandMeta,
    work: ExecutionRequest['work'],
  ): Promise<boolean> {
    let success = true;
    try {
      await this.run(id, [{ type: 'Run', ts: Date.now() }], meta);
      const context = new ExecutionContext(
        async (log) => void (await this.run(id, [{ type: 'AppendLog', log }], meta)),
        async (data) => void (await this.run(id, [{ type: 'RecordData', data }], meta)),
        async (batch) => void (await this.run(id, [{ type: 'AppendOutput', ...batch }], meta)),
      );
      let failure: unknown;
      try {
        await work(context);
      } catch (error) {
        success = false;
        failure = error;
      }
      await context.settle();
      // Written with the completion, in one append: the work's error (a failed stage is
      // already logged; anything else is logged here, masked).
      const ts = Date.now();
      const appends: UpdateCommand[] =
        success || failure instanceof StageFailed
          ? []
          : [
              {
                type: 'AppendLog',
                log: failedLog('error', context.redactor.redact(String(failure)), ts),
              },
            ];
      await this.run(id, [...appends, { type: 'Complete', success, ts }], meta);
    } catch (error) {
      this.logger(`execution ${id} could not be recorded: ${(error as Error).message}`);
      return false;
    }
    return success;
  }

  /**
   * Appends to an Update this runner writes, the commands' events as one append: the state and
   * revision it wrote last are kept, so each stage is one append rather than a read of the
   * stream and an append (a read is costly on JetStream); its Start, on an id just made,
   * expects no stream at all. Should another writer have moved the stream (or this runner not
   * have written it: an interrupted one), the commands are decided on the stream as stored.
   */
  private async run(
    id: string,
    commands: UpdateCommand[],
    meta: CommandMeta,
  ): Promise<{ position: number }> {
    const last = commands[commands.length - 1];
    const known: { state: ExecutionState; revision: ExpectedRevision } | undefined =
      this.written.get(id) ??
      (last.type === 'Start' ? { state: { status: 'Empty' }, revision: 'no_stream' } : undefined);
    if (known) {
      const decided = decideUpdates(known.state, commands);
      if (!decided.length) return { position: 0 };
      const metadata = eventMetadata(meta);
      try {
        const result = await this.store.append(
          updateStream(id),
          decided.map((e) => ({
            id: newId(),
            type: e.type,
            data: e.data,
            metadata,
            schemaVersion: EVENT_UPCASTING.version(e.type),
          })),
          known.revision,
        );
        this.remember(id, decided.reduce(evolveUpdate, known.state), result.revision, last);
        return result;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
    const handled = await handleCommand(
      this.store,
      updateStream(id),
      updateCommandsDecider,
      commands,
      meta,
    );
    const revision = handled.events.at(-1)?.revision;
    if (revision !== undefined) this.remember(id, handled.state, revision, last);
    return handled;
  }

  private remember(
    id: string,
    state: ExecutionState,
    revision: number,
    command: UpdateCommand,
  ): void {
    if (command.type === 'Complete') this.written.delete(id);
    else this.written.set(id, { state, revision });
  }
}
