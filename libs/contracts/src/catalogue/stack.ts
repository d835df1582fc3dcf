import type { Types } from 'komodo_client';
import {
  BatchPatternDto,
  DestroyStackDto,
  GetStackLogDto,
  InspectStackContainerDto,
  SearchStackLogDto,
  StackParamDto,
} from '../requests/servers.dto';
import type { StackServiceAnswer } from './answers';
import { entry, komodo, on, USER } from './entry';

const execute = on<{ stack: string }>('Stack', 'stack', 'Execute');

/** A stack's compose executions (each answers an Update at once), batches, services, logs. */
export const STACK_REQUESTS = {
  DeployStack: komodo('DeployStack', 'execute', StackParamDto, execute, 'deployer'),
  DeployStackIfChanged: komodo(
    'DeployStackIfChanged',
    'execute',
    StackParamDto,
    execute,
    'deployer',
  ),
  StartStack: komodo('StartStack', 'execute', StackParamDto, execute, 'deployer'),
  StopStack: komodo('StopStack', 'execute', StackParamDto, execute, 'deployer'),
  RestartStack: komodo('RestartStack', 'execute', StackParamDto, execute, 'deployer'),
  PauseStack: komodo('PauseStack', 'execute', StackParamDto, execute, 'deployer'),
  UnpauseStack: komodo('UnpauseStack', 'execute', StackParamDto, execute, 'deployer'),
  PullStack: komodo('PullStack', 'execute', StackParamDto, execute, 'deployer'),
  DestroyStack: komodo('DestroyStack', 'execute', DestroyStackDto, execute, 'deployer'),
  // A batch checks Execute on each resource it picks.
  BatchDeployStack: komodo('BatchDeployStack', 'execute', BatchPatternDto, USER, 'deployer'),
  BatchDeployStackIfChanged: komodo(
    'BatchDeployStackIfChanged',
    'execute',
    BatchPatternDto,
    USER,
    'deployer',
  ),
  BatchPullStack: komodo('BatchPullStack', 'execute', BatchPatternDto, USER, 'deployer'),
  BatchDestroyStack: komodo('BatchDestroyStack', 'execute', BatchPatternDto, USER, 'deployer'),
  ListStackServices: entry<StackServiceAnswer[]>()(
    'ListStackServices',
    'read',
    StackParamDto,
    on('Stack', 'stack', 'Read'),
    'deployer',
  ),
  GetStackLog: komodo(
    'GetStackLog',
    'read',
    GetStackLogDto,
    on('Stack', 'stack', 'Read', ['Logs']),
    'deployer',
  ),
  SearchStackLog: komodo(
    'SearchStackLog',
    'read',
    SearchStackLogDto,
    on('Stack', 'stack', 'Read', ['Logs']),
    'deployer',
  ),
  InspectStackContainer: komodo(
    'InspectStackContainer',
    'read',
    InspectStackContainerDto,
    on('Stack', 'stack', 'Read', ['Inspect']),
    'deployer',
  ),
  /** Komodo 2's form: answers once the cache is refreshed. */
  RefreshStackCache: komodo('RefreshStackCache', 'write', StackParamDto, execute, 'deployer'),
};

/** Monitor's execution form of RefreshStackCache (Komodo 2 moved it to /write): an Update at once. */
export const STACK_EXECUTION_FORMS = {
  RefreshStackCache: entry<Types.Update>()(
    'RefreshStackCache',
    'execute',
    StackParamDto,
    execute,
    'deployer',
  ),
};
