import { CancelProcedureDto, ProcedureParamDto } from '../requests/procedure.dto';
import { ListSchedulesDto } from '../requests/schedule.dto';
export type { ScheduleSortBy } from '../requests/schedule.dto';
import { BatchPatternDto } from '../requests/servers.dto';
import { komodo, on, USER } from './entry';

const execute = on<{ procedure: string }>('Procedure', 'procedure', 'Execute');

/**
 * A Procedure's runs: stages in order, each stage's executions at once, every execution checked
 * against whoever started the run. Each answers the run's Update at once.
 */
export const PROCEDURE_REQUESTS = {
  RunProcedure: komodo('RunProcedure', 'execute', ProcedureParamDto, execute, 'procedures'),
  CancelProcedure: komodo('CancelProcedure', 'execute', CancelProcedureDto, execute, 'procedures'),
  // A batch checks Execute on each procedure it picks.
  BatchRunProcedure: komodo('BatchRunProcedure', 'execute', BatchPatternDto, USER, 'procedures'),
  /** The Procedures and Actions with a schedule the user may read, with their next run. */
  ListSchedules: komodo('ListSchedules', 'read', ListSchedulesDto, USER, 'gateway'),
};
