import { Inject, Injectable } from '@nestjs/common';
import { RunningExecutions } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';

/** The RunActions this process runs now, by Action id: a CancelAction on any replica stops one. */
@Injectable()
export class RunningActions extends RunningExecutions {
  constructor(@Inject(READ_MODEL) readModel: ReadModel) {
    super(readModel, { operation: 'CancelAction', target: 'Action' });
  }
}
