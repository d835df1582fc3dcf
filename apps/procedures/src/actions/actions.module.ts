import { Module } from '@nestjs/common';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionRunner } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { ActionController } from './action.controller';
import { ACTION_CANCEL_RUNNER, ActionExecutions } from './action-executions';
import { RunApiKeys } from './run-api-key';
import { RunningActions } from './running-actions';

/** Actions: RunAction (the script in a sandboxed Node process) and CancelAction. */
@Module({
  controllers: [ActionController],
  providers: [
    {
      provide: ACTION_CANCEL_RUNNER,
      useFactory: (store: EventStore, readModel: ReadModel) =>
        new ExecutionRunner(store, readModel),
      inject: [EVENT_STORE, READ_MODEL],
    },
    RunApiKeys,
    RunningActions,
    ActionExecutions,
  ],
  exports: [ActionExecutions],
})
export class ActionsModule {}
