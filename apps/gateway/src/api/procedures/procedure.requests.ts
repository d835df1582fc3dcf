import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PROCEDURE_REQUESTS } from '@monitor/contracts';
import { KindRequests } from '../kind-requests';

const P = PROCEDURE_REQUESTS;

/**
 * Procedures: RunProcedure and CancelProcedure (each answers the run's Update at once, the
 * procedures service runs it) and BatchRunProcedure over the procedures the caller may execute.
 */
@Injectable()
export class ProcedureRequests implements OnModuleInit {
  constructor(private readonly kind: KindRequests) {}

  onModuleInit(): void {
    this.kind.executionsOf('Procedure', {
      executions: [P.RunProcedure, P.CancelProcedure],
      batches: [[P.BatchRunProcedure, P.RunProcedure]],
      param: 'procedure',
    });
  }
}
