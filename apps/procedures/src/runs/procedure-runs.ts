import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import {
  invalid,
  notFound,
  type ProcedureRun,
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
    const started = this.runner.start({
      operation: 'RunProcedure',
      target: { type: 'Procedure', id: procedure.id },
      meta: { ...meta, updateId: id },
      queue: {
        queued: this.queue.busy(procedure.id),
        turn: (runId) => this.queue.turn(procedure.id, runId, this.stopping.signal),
      },
      work: async (ctx) => this.work(ctx, id, known, runMeta),
    });
    // A new id is this run's alone: its record is written beside its Update (on SQLite, in the
    // same commit). A named one, which another replica may claim too, once its Update is ours.
    const record = named
      ? started.then(() => this.record(id, procedure, starter, runMeta))
      : this.record(id, procedure, starter, runMeta);
    recorded(record);
    try {
      const [{ position }] = await Promise.all([started, record]);
      return { id, position };
    } catch (error) {
      await this.unstarted(id, started, record);
      throw error;
    }
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

  /** Drives a run on its Update until it ends (or this replica loses it); the lease ends too. */
  async drive(ctx: ExecutionContext, run: ProcedureRun, lease: RunLease, meta: CommandMeta) {
    const cancel = this.cancels.begin(run.runId);
    this.driving.add(run.runId);
    const stop = firstSignal(this.stopping.signal, lease.lost.signal);
    const halt = firstSignal(cancel.signal, stop.signal);
    try {
      // A resumed run waits its turn as a new one does.
      await this.queue.turn(run.procedureId, run.runId, stop.signal);
      const stream = lease.stream.stoppingWith(stop.signal);
      const signal = halt.signal;
      await this.driver.drive({ run, ctx, stream, signal, cancel: cancel.signal, meta });
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
      const { run, lease } = await await recorded;
      await this.drive(ctx, run, lease, meta);
    } finally {
      this.driving.delete(id);
    }
  }

  /** The run's stream (its config as it is now) and this replica's lease on it: one append. */
  private async record(
    id: string,
    procedure: Resource<'Procedure'>,
    starter: RunStarter,
    meta: CommandMeta,
  ): Promise<Recorded> {
    const lease = this.lease(id, meta);
    const run = await lease.take({
      type: 'Queue',
      runId: id,
      procedureId: procedure.id,
      updateId: id,
      stages: procedure.config.stages,
      starter,
      ts: Date.now(),
    });
    return { run, lease };
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
