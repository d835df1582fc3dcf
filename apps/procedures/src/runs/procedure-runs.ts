import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import {
  invalid,
  notFound,
  type ProcedureRun,
  type ProcedureStage,
  type Resource,
  type RunStarter,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionRunner, type ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta, type WriteResult } from '@monitor/resources';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { checkNesting } from './run-ancestry';
import { firstSignal } from './first-signal';
import { RunCancels } from './run-cancels';
import { RunDriver } from './run-driver';
import { RunLease } from './run-lease';
import { RunQueue } from './run-queue';
import { RunStream } from './run-stream';

interface Recorded {
  run: ProcedureRun;
  lease: RunLease;
  /** The first stage's executions started with the record (it started none when undefined). */
  fresh?: number[];
}

/** Drives runs: RunProcedure's Update, the run's stream, the lease it holds, the driver. */
@Injectable()
export class ProcedureRuns implements OnModuleDestroy {
  readonly replica: string;
  /** Fires as this process stops: its runs are left, unfinished, for a replica to resume. */
  private readonly stopping = new AbortController();
  private readonly leases = new Set<RunLease>();
  /** The runs this process drives now, by run id: a resume leaves them alone. */
  readonly driving = new Set<string>();

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    private readonly runner: ExecutionRunner,
    private readonly driver: RunDriver,
    private readonly cancels: RunCancels,
    private readonly queue: RunQueue,
  ) {
    this.replica = config.procedures.replica || `${hostname()}:${process.pid}`;
    // Every run waiting or driving here listens to it: as many as there are runs, not a leak.
    setMaxListeners(0, this.stopping.signal);
  }

  /**
   * Komodo's RunProcedure: answers the run's Update at once; a second run of a procedure waits,
   * Queued, until the first has ended, whichever replica runs either (RunQueue). The run is recorded, and this replica's lease taken,
   * before the answer. `by`: how it was started (a schedule or webhook acts as the procedure's
   * last writer); a nested run is one sent by a procedure (via `procedure`).
   */
  async run(
    idOrName: string,
    meta: CommandMeta,
    by?: 'schedule' | 'webhook',
  ): Promise<WriteResult> {
    const procedure = this.procedure(idOrName);
    const starter = starterOf(procedure, meta, by);
    await checkNesting(this.store, this.readModel, procedure, starter.parentUpdateId, meta);
    let recorded!: (run: Promise<Recorded>) => void;
    const known = new Promise<Promise<Recorded>>((resolve) => (recorded = resolve));
    // Should the run not start, nobody waits for its record: its failure is the answer's.
    known.catch(() => undefined);
    // The Update's name (a schedule's claim gives it) is this run's alone: not its cancels'.
    const { updateId: named, ...runMeta } = meta;
    const id = named ?? newId();
    // Ours from now, though it may wait in the queue: a resume leaves it alone.
    this.driving.add(id);
    const queued = this.queue.busy(procedure.id);
    const started = this.runner.start({
      operation: 'RunProcedure',
      target: { type: 'Procedure', id: procedure.id },
      meta: { ...meta, updateId: id },
      queue: {
        queued,
        turn: (runId) =>
          this.queue.turn(procedure.id, runId, this.stopping.signal, () => this.withdraw(record)),
      },
      work: async (ctx) => this.work(ctx, id, known, runMeta),
    });
    // A new id is this run's alone: its record is written beside its Update (on SQLite, in the
    // same commit). A named one, which another replica may claim too, once its Update is ours.
    const record = named
      ? started.then(() => this.record(id, procedure, starter, runMeta, !queued))
      : this.record(id, procedure, starter, runMeta, !queued);
    recorded(record);
    try {
      const [{ position }] = await Promise.all([started, record]);
      return { id, position };
    } catch (error) {
      await this.unstarted(id, started, record);
      throw error;
    }
  }

  /**
   * A run that finds a run of its procedure ahead after all (started on another replica, not yet
   * seen here) takes back the first stage its record started, none of it sent, before it waits:
   * should this process stop meanwhile, its resume starts that stage rather than finding its
   * executions started and never sent.
   */
  private async withdraw(record: Promise<Recorded>): Promise<void> {
    // A record that failed has nothing to take back: the run's work fails with its error.
    const recorded = await record.catch(() => undefined);
    if (!recorded?.fresh) return;
    const now = Date.now();
    recorded.run = await recorded.lease.stream.apply({ type: 'WithdrawStage', stage: 0, now });
    recorded.fresh = undefined;
  }

  /** A run whose Update or record failed: not driven here; a lease it took is let go. */
  private async unstarted(id: string, started: Promise<unknown>, record: Promise<Recorded>) {
    const [update, run] = await Promise.allSettled([started, record]);
    if (update.status === 'fulfilled') return; // its work ends it, failing on the record
    this.driving.delete(id);
    if (run.status === 'fulfilled') {
      run.value.lease.end();
      this.leases.delete(run.value.lease);
    }
  }

  /**
   * Drives a run on its Update until it ends (or this replica loses it); the lease ends too.
   * `fresh`: as Recorded's, for a run whose first stage started with its record.
   */
  async drive(
    ctx: ExecutionContext,
    run: ProcedureRun,
    lease: RunLease,
    meta: CommandMeta,
    fresh?: number[],
  ) {
    const cancel = this.cancels.begin(run.runId);
    this.driving.add(run.runId);
    const stop = firstSignal(this.stopping.signal, lease.lost.signal);
    const halt = firstSignal(cancel.signal, stop.signal);
    try {
      // A resumed run waits its turn as a new one does (a new one has waited in the runner's).
      await this.queue.turn(run.procedureId, run.runId, stop.signal);
      const stream = lease.stream.stoppingWith(stop.signal);
      const signal = halt.signal;
      await this.driver.drive({ run, ctx, stream, signal, cancel: cancel.signal, meta, fresh });
    } finally {
      stop.unlink();
      halt.unlink();
      lease.end();
      this.leases.delete(lease);
      cancel.end();
      this.driving.delete(run.runId);
    }
  }

  lease(runId: string, meta: CommandMeta): RunLease {
    const stream = new RunStream(this.store, runId, meta);
    const lease = new RunLease(
      stream,
      this.replica,
      this.config.procedures.lease_ms,
      console.error,
    );
    this.leases.add(lease);
    lease.lost.signal.addEventListener('abort', () => this.leases.delete(lease));
    return lease;
  }

  onModuleDestroy(): void {
    this.stopping.abort();
    for (const lease of this.leases) lease.end();
  }

  private async work(
    ctx: ExecutionContext,
    id: string,
    recorded: Promise<Promise<Recorded>>,
    meta: CommandMeta,
  ) {
    try {
      const { run, lease, fresh } = await await recorded;
      await this.drive(ctx, run, lease, meta, fresh);
    } finally {
      this.driving.delete(id);
    }
  }

  /**
   * The run's stream (its config as it is now) and this replica's lease on it: one append. A
   * run that starts `atOnce` (none of its procedure's is unfinished) has its first stage started
   * in it too, so its driver sends that stage's executions without writing first.
   */
  private async record(
    id: string,
    procedure: Resource<'Procedure'>,
    starter: RunStarter,
    meta: CommandMeta,
    atOnce: boolean,
  ): Promise<Recorded> {
    const now = Date.now();
    const { stages } = procedure.config;
    const first = atOnce && stages.length ? this.firstStage(starter, stages[0], now) : undefined;
    const lease = this.lease(id, meta);
    const queue = { type: 'Queue' as const, runId: id, procedureId: procedure.id };
    const run = await lease.take(
      [{ ...queue, updateId: id, stages, starter, ts: now }],
      first?.commands,
    );
    return { run, lease, fresh: first?.started };
  }

  /** The first stage's start, or none should planning it fail: the driver then plans and fails it. */
  private firstStage(starter: RunStarter, stage: ProcedureStage, now: number) {
    try {
      return this.driver.stageStart(starter.userId, 0, stage, now);
    } catch {
      return undefined;
    }
  }

  procedure(idOrName: string): Resource<'Procedure'> {
    const procedure = this.readModel.resource('Procedure', idOrName);
    if (!procedure) throw notFound(`no Procedure has the name or id '${idOrName}'`);
    return procedure;
  }
}

function starterOf(
  procedure: Resource<'Procedure'>,
  meta: CommandMeta,
  by?: 'schedule' | 'webhook',
): RunStarter {
  if (by) {
    if (!procedure.configWriter)
      throw invalid(`Procedure '${procedure.name}' has no last writer to run it as: save it once`);
    return { by, userId: procedure.configWriter };
  }
  if (meta.via === 'procedure' && meta.causationId)
    return { by: 'procedure', userId: meta.userId, parentUpdateId: meta.causationId };
  return { by: 'user', userId: meta.userId };
}
