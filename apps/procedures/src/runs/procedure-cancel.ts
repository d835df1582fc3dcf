import { Inject, Injectable } from '@nestjs/common';
import { ExecutionRunner, whenCompleted } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta, WriteResult } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { ProcedureRuns } from './procedure-runs';

/** Cancels get a runner of their own: never queued behind other work on their procedure. */
export const CANCEL_RUNNER = Symbol('PROCEDURE_CANCEL_RUNNER');

/** How long a CancelProcedure waits for its runs to stop before it says so. */
const CANCEL_WAIT_MS = 60_000;

/**
 * Komodo's CancelProcedure: its Update names the runs it stops (the procedure's unfinished
 * runs, or the one `update_id` names); the replica driving each stops it between executions and
 * cancels its running children that can be. None running fails its Update.
 */
@Injectable()
export class ProcedureCancel {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(CANCEL_RUNNER) private readonly runner: ExecutionRunner,
    private readonly runs: ProcedureRuns,
  ) {}

  async cancel(
    idOrName: string,
    updateId: string | undefined,
    meta: CommandMeta,
  ): Promise<WriteResult> {
    const procedure = this.runs.procedure(idOrName);
    return this.runner.start({
      operation: 'CancelProcedure',
      target: { type: 'Procedure', id: procedure.id },
      meta,
      work: async (ctx) => {
        let runs: string[] = [];
        await ctx.stage('cancel', `stop the runs of '${procedure.name}'`, async () => {
          runs = this.readModel.executions
            .forTarget('Procedure', procedure.id)
            .filter((x) => x.operation === 'RunProcedure' && x.status !== 'Complete')
            .filter((x) => !updateId || x.id === updateId)
            .map((x) => x.id);
          if (!runs.length) throw new Error(`Procedure '${procedure.name}' is not running`);
          await ctx.record({ runs });
          return { stdout: `cancelling ${runs.join(', ')}` };
        });
        await ctx.stage('cancelled', 'wait for the runs to stop', async () => {
          for (const run of runs)
            if (!(await whenCompleted(this.readModel, run, CANCEL_WAIT_MS)))
              throw new Error(`run ${run} did not stop within ${CANCEL_WAIT_MS / 1000} s`);
          return { stdout: 'the runs stopped' };
        });
      },
    });
  }
}
