import { MessagePattern } from '@nestjs/microservices';
import { BusController, execSubject, QUEUE_GROUPS } from '@monitor/bus';
import { ACTION_REQUESTS, CancelActionDto, RunActionDto, requireValid } from '@monitor/contracts';
import type { CommandMeta, WriteResult } from '@monitor/resources';
import { ActionExecutions } from './action-executions';

const queue = QUEUE_GROUPS.procedures;
type Envelope = { params: unknown; meta: CommandMeta };

/** `exec.action.<Execution>`: an Action's runs, each answering its Update at once. */
@BusController()
export class ActionController {
  constructor(private readonly actions: ActionExecutions) {}

  @MessagePattern(execSubject('Action', ACTION_REQUESTS.RunAction.name), { queue })
  run({ params, meta }: Envelope): Promise<WriteResult> {
    const { action, args } = requireValid(RunActionDto, params);
    return this.actions.run(action, args, meta);
  }

  @MessagePattern(execSubject('Action', ACTION_REQUESTS.CancelAction.name), { queue })
  cancel({ params, meta }: Envelope): Promise<WriteResult> {
    const { action, update_id } = requireValid(CancelActionDto, params);
    return this.actions.cancel(action, update_id, meta);
  }
}
