import { Inject, Injectable } from '@nestjs/common';
import { RunningExecutions } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';

/** The BuildRepos this process runs now, by Repo id: a CancelRepoBuild on any replica aborts one. */
@Injectable()
export class RunningRepoBuilds extends RunningExecutions {
  constructor(@Inject(READ_MODEL) readModel: ReadModel) {
    super(readModel, { operation: 'CancelRepoBuild', target: 'Repo' });
  }
}
