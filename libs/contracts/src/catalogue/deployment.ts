import {
  BatchPatternDto,
  DeployDto,
  DeploymentActionDto,
  GetDeploymentLogDto,
  InspectDeploymentContainerDto,
  RollbackDeploymentDto,
  SearchDeploymentLogDto,
} from '../requests/servers.dto';
import type { Types } from 'komodo_client';
import { entry, komodo, on, USER } from './entry';

const execute = on<{ deployment: string }>('Deployment', 'deployment', 'Execute');

/** A deployment's executions (each answers an Update at once), batches, logs, inspect, stats. */
export const DEPLOYMENT_REQUESTS = {
  Deploy: komodo('Deploy', 'execute', DeployDto, execute, 'deployer'),
  RollbackDeployment: entry<Types.Update>()(
    'RollbackDeployment',
    'execute',
    RollbackDeploymentDto,
    execute,
    'deployer',
  ),
  StartDeployment: komodo('StartDeployment', 'execute', DeploymentActionDto, execute, 'deployer'),
  StopDeployment: komodo('StopDeployment', 'execute', DeploymentActionDto, execute, 'deployer'),
  RestartDeployment: komodo(
    'RestartDeployment',
    'execute',
    DeploymentActionDto,
    execute,
    'deployer',
  ),
  PauseDeployment: komodo('PauseDeployment', 'execute', DeploymentActionDto, execute, 'deployer'),
  UnpauseDeployment: komodo(
    'UnpauseDeployment',
    'execute',
    DeploymentActionDto,
    execute,
    'deployer',
  ),
  DestroyDeployment: komodo(
    'DestroyDeployment',
    'execute',
    DeploymentActionDto,
    execute,
    'deployer',
  ),
  // A batch checks Execute on each resource it picks.
  BatchDeploy: komodo('BatchDeploy', 'execute', BatchPatternDto, USER, 'deployer'),
  BatchDestroyDeployment: komodo(
    'BatchDestroyDeployment',
    'execute',
    BatchPatternDto,
    USER,
    'deployer',
  ),
  GetDeploymentLog: komodo(
    'GetDeploymentLog',
    'read',
    GetDeploymentLogDto,
    on('Deployment', 'deployment', 'Read', ['Logs']),
    'deployer',
  ),
  SearchDeploymentLog: komodo(
    'SearchDeploymentLog',
    'read',
    SearchDeploymentLogDto,
    on('Deployment', 'deployment', 'Read', ['Logs']),
    'deployer',
  ),
  InspectDeploymentContainer: komodo(
    'InspectDeploymentContainer',
    'read',
    InspectDeploymentContainerDto,
    on('Deployment', 'deployment', 'Read', ['Inspect']),
    'deployer',
  ),
  GetDeploymentStats: komodo(
    'GetDeploymentStats',
    'read',
    DeployDto,
    on('Deployment', 'deployment', 'Read'),
    'deployer',
  ),
};
