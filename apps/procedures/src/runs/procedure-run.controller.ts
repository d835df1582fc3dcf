import { MessagePattern } from '@nestjs/microservices';
import { BusController, execSubject, QUEUE_GROUPS } from '@monitor/bus';
import {
  CancelProcedureDto,
  PROCEDURE_REQUESTS,
  ProcedureParamDto,
  requireValid,
} from '@monitor/contracts';
import type { CommandMeta, WriteResult } from '@monitor/resources';
import { ProcedureCancel } from './procedure-cancel';
import { ProcedureRuns } from './procedure-runs';

const queue = QUEUE_GROUPS.procedures;
const P = PROCEDURE_REQUESTS;
type Envelope = { params: unknown; meta: CommandMeta };

/** `exec.procedure.<Execution>`: a Procedure's runs, each answering its Update at once. */
@BusController()
export class ProcedureRunController {
  constructor(
    private readonly runs: ProcedureRuns,
    private readonly cancels: ProcedureCancel,
  ) {}

  @MessagePattern(execSubject('Procedure', P.RunProcedure.name), { queue })
  run({ params, meta }: Envelope): Promise<WriteResult> {
    const { procedure } = requireValid(ProcedureParamDto, params);
    // Only the gateway's listener sends `via: webhook`, already as the procedure's last writer.
    return this.runs.run(procedure, meta, meta.via === 'webhook' ? 'webhook' : undefined);
  }

  @MessagePattern(execSubject('Procedure', P.CancelProcedure.name), { queue })
  cancel({ params, meta }: Envelope): Promise<WriteResult> {
    const { procedure, update_id } = requireValid(CancelProcedureDto, params);
    return this.cancels.cancel(procedure, update_id, meta);
  }
}
