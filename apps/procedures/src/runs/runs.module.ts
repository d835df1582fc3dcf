import { Module } from '@nestjs/common';
import { BusClient } from '@monitor/bus';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionRunner } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { ChildExecution } from './child-execution';
import { CANCEL_RUNNER, ProcedureCancel } from './procedure-cancel';
import { ProcedureRunController } from './procedure-run.controller';
import { ProcedureRuns } from './procedure-runs';
import { RunCancels } from './run-cancels';
import { RunDriver } from './run-driver';
import { RunQueue } from './run-queue';
import { RunResume } from './run-resume';
import { StarterAccess } from './starter-access';

/**
 * Procedure runs: RunProcedure and CancelProcedure, each run driven under a lease and resumed
 * by any replica when its driver stops (BatchRunProcedure is the gateway's fan-out).
 */
@Module({
  controllers: [ProcedureRunController],
  providers: [
    {
      provide: CANCEL_RUNNER,
      useFactory: (store: EventStore, readModel: ReadModel) =>
        new ExecutionRunner(store, readModel),
      inject: [EVENT_STORE, READ_MODEL],
    },
    {
      provide: StarterAccess,
      useFactory: (readModel: ReadModel) => new StarterAccess(readModel),
      inject: [READ_MODEL],
    },
    {
      provide: ChildExecution,
      useFactory: (bus: BusClient, readModel: ReadModel, store: EventStore) =>
        new ChildExecution(bus, readModel, store, console.error),
      inject: [BusClient, READ_MODEL, EVENT_STORE],
    },
    {
      provide: RunDriver,
      useFactory: (readModel: ReadModel, access: StarterAccess, children: ChildExecution) =>
        new RunDriver(readModel, access, children),
      inject: [READ_MODEL, StarterAccess, ChildExecution],
    },
    RunCancels,
    RunQueue,
    ProcedureRuns,
    ProcedureCancel,
    RunResume,
  ],
  exports: [ProcedureRuns],
})
export class RunsModule {}
