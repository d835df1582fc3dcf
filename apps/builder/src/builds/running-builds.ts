import { Inject, Injectable } from '@nestjs/common';
import { RunningExecutions } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';

/** The RunBuilds this process runs now, by Build id: a CancelBuild on any replica aborts one. */
@Injectable()
export class RunningBuilds extends RunningExecutions {
  constructor(@Inject(READ_MODEL) readModel: ReadModel) {
    super(readModel, { operation: 'CancelBuild', target: 'Build' });
  }
}
