import { ActionParamDto, CancelActionDto, RunActionDto } from '../requests/action.dto';
import { BatchPatternDto } from '../requests/servers.dto';
import { komodo, on, USER } from './entry';

const execute = on<{ action: string }>('Action', 'action', 'Execute');
const read = on<{ action: string }>('Action', 'action', 'Read');

/**
 * An Action's runs: its script in a sandboxed Node process, signed in as the user who last wrote
 * its config. Each execution answers the run's Update at once.
 */
export const ACTION_REQUESTS = {
  RunAction: komodo('RunAction', 'execute', RunActionDto, execute, 'procedures'),
  CancelAction: komodo('CancelAction', 'execute', CancelActionDto, execute, 'procedures'),
  // A batch checks Execute on each action it picks.
  BatchRunAction: komodo('BatchRunAction', 'execute', BatchPatternDto, USER, 'procedures'),
  /** How many runs of the action are in progress (Komodo's `running`). */
  GetActionActionState: komodo('GetActionActionState', 'read', ActionParamDto, read, 'gateway'),
};
