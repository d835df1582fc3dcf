import {
  decideUpdate,
  EVENT_UPCASTING,
  evolveUpdate,
  updateStream,
  type ExecutionState,
  type ExecutionTarget,
  type UpdateCommand,
  updateDecider,
} from '@monitor/domain';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
} from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import {
  eventMetadata,
  handleCommand,
  newId,
  type CommandMeta,
  type HandledCommand,
} from '@monitor/resources';
import { ExecutionContext, StageFailed } from './execution-context';

export interface ExecutionRequest {
  operation: string;
  target: ExecutionTarget;
  meta: CommandMeta;
  work: (context: ExecutionContext) => Promise<void>;
  /**
   * A queue of the caller's own instead of this process's per resource (procedure runs queue
   * across replicas): `queued`, whether the Update starts Queued; `turn`, resolves once the
   * execution may run (it stays Queued until then); should it reject, the work does not run
   * and the Update is left as it stands, for the caller to end.
   */
  queue?: { queued: boolean; turn: (id: string) => Promise<void> };
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

  async start({
    operation,
    target,
    meta,
    work,
    queue,
  }: ExecutionRequest): Promise<StartedExecution> {
    // A run named before it starts (meta.updateId) is created once: a second Start conflicts.
    const id = meta.updateId ?? newId();
    const key = `${target.type}/${target.id}`;
    const previous = queue ? undefined : this.tails.get(key);
    const queued = queue ? queue.queued : !!previous;
    const recorded = this.run(
      id,
      [{ type: 'Start', id, operation, target, queued, ts: Date.now() }],
      meta,
    );
    // The queue's tail is taken before anything is awaited: a start on the same resource
    // arriving meanwhile waits behind this one instead of running beside it.
    const done = Promise.all([recorded, previous])
      .then(() => queue?.turn(id))
      .then(
        () => this.execute(id, meta, work),
        () => false,
      );
    if (!queue) this.queueBehind(key, done);
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
      const now = Date.now();
      const log = {
        stage: 'interrupted',
        command: '',
        stdout: '',
        stderr: 'interrupted: the service stopped while this ran',
        success: false,
        start_ts: now,
        end_ts: now,
      };
      await this.run(x.id, [{ type: 'AppendLog', log }], meta);
      await this.run(x.id, [{ type: 'Complete', success: false, ts: now }], meta);
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
      try {
        await work(context);
        await context.settle();
      } catch (error) {
        success = false;
        await context.settle();
        // A failed stage is already in the log; anything else is logged here, masked.
        if (!(error instanceof StageFailed))
          await this.logError(id, meta, context.redactor.redact(String(error)));
      }
      // Logs the work held for the end are written with it: one append.
      const held = context.takeHeld().map((log): UpdateCommand => ({ type: 'AppendLog', log }));
      await this.run(id, [...held, { type: 'Complete', success, ts: Date.now() }], meta);
    } catch (error) {
      this.logger(`execution ${id} could not be recorded: ${(error as Error).message}`);
      return false;
    }
    return success;
  }

  private logError(id: string, meta: CommandMeta, message: string) {
    const now = Date.now();
    const log = {
      stage: 'error',
      command: '',
      stdout: '',
      stderr: message,
      success: false,
      start_ts: now,
      end_ts: now,
    };
    return this.run(id, [{ type: 'AppendLog', log }], meta);
  }

  /**
   * Appends to an Update this runner writes, the commands' events as one append: the state and
   * revision it wrote last are kept, so each stage is one append rather than a read of the
   * stream and an append (a read is costly on JetStream); its Start, on an id just made,
   * expects no stream at all. Should another writer have moved the stream, the append fails
   * and the commands are decided again, one by one, on the stream as stored.
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
      let state = known.state;
      const decided = commands.flatMap((command) => {
        const events = decideUpdate(state, command);
        state = events.reduce(evolveUpdate, state);
        return events;
      });
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
        this.remember(id, state, result.revision, last);
        return result;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
    let handled!: HandledCommand<ExecutionState>;
    for (const command of commands)
      handled = await handleCommand(this.store, updateStream(id), updateDecider, command, meta);
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
