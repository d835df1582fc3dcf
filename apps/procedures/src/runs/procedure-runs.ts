import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import {
  boundOutput,
  invalid,
  notFound,
  runPlace,
  type ProcedureRun,
  type Resource,
  type RunStarter,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
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

/** Drives runs: each run's stream (its Update is that stream's projection), its lease, the driver. */
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
   * Queued, until the first has ended, whichever replica runs either (RunQueue). The run is
   * recorded, and this replica's lease taken, in one append before the answer: its Update is
   * that stream's, so a name given (a schedule's claim) is taken once, by whoever appends first.
   * `by`: how it was started (a schedule or webhook acts as the procedure's last writer); a
   * nested run is one sent by a procedure (via `procedure`).
   */
  async run(
    idOrName: string,
    meta: CommandMeta,
    by?: 'schedule' | 'webhook',
  ): Promise<WriteResult> {
    const procedure = this.procedure(idOrName);
    const starter = starterOf(procedure, meta, by);
    await checkNesting(this.store, this.readModel, procedure, starter.parentUpdateId, meta);
    // The Update's name (a schedule's claim gives it) is this run's alone: not its cancels'.
    const { updateId: named, ...runMeta } = meta;
    const id = named ?? newId();
    // Ours from now, though it may wait in the queue: a resume leaves it alone.
    this.driving.add(id);
    const lease = this.lease(id, runMeta);
    let run: ProcedureRun;
    try {
      run = await lease.take({
        type: 'Queue',
        runId: id,
        procedureId: procedure.id,
        updateId: id,
        stages: procedure.config.stages,
        starter,
        ts: Date.now(),
        projectedUpdate: true,
      });
    } catch (error) {
      this.driving.delete(id);
      this.leases.delete(lease);
      throw error;
    }
    void this.drive(run, lease, runMeta);
    return { id, position: lease.stream.position };
  }

  /**
   * Drives a run until it ends (or this replica loses it); the lease ends too. An error nobody
   * foresaw ends the run failed, saying so; should the store refuse even that, the run is left
   * for a replica to resume.
   */
  async drive(run: ProcedureRun, lease: RunLease, meta: CommandMeta): Promise<void> {
    const cancel = this.cancels.begin(run.runId);
    this.driving.add(run.runId);
    const stop = firstSignal(this.stopping.signal, lease.lost.signal);
    const halt = firstSignal(cancel.signal, stop.signal);
    const stream = lease.stream.stoppingWith(stop.signal);
    try {
      // A resumed run waits its turn as a new one does.
      await this.queue.turn(run.procedureId, run.runId, stop.signal);
      const signal = halt.signal;
      await this.driver.drive({ run, stream, signal, cancel: cancel.signal, meta });
    } catch (error) {
      await this.failed(stream, error).catch((stored: Error) =>
        console.error(`procedure run ${run.runId} could not end: ${stored.message}`),
      );
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

  procedure(idOrName: string): Resource<'Procedure'> {
    const procedure = this.readModel.resource('Procedure', idOrName);
    if (!procedure) throw notFound(`no Procedure has the name or id '${idOrName}'`);
    return procedure;
  }

  /** Ends the run failed where it stands, for an error its driver did not foresee. */
  private async failed(stream: RunStream, error: unknown): Promise<void> {
    const state = await stream.read();
    if (state.status !== 'Active' || state.run.status === 'Finished') return;
    const message = error instanceof Error ? error.message : String(error);
    await stream.apply({
      type: 'Finish',
      success: false,
      interrupted: runPlace(state.run),
      reason: boundOutput(`stopped by an error: ${message}`),
      now: Date.now(),
    });
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
