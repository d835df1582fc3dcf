import type { Types } from 'komodo_client';
import {
  BuildParamDto,
  GetBuildMonthlyStatsDto,
  ListBuildVersionsDto,
  ListCommonBuildExtraArgsDto,
} from '../requests/build.dto';
import { BatchPatternDto } from '../requests/servers.dto';
import { entry, komodo, on, USER } from './entry';

const execute = on<{ build: string }>('Build', 'build', 'Execute');
const read = on<{ build: string }>('Build', 'build', 'Read');

/**
 * A Build's executions on its Builder (each answers an Update at once), their batch, the refresh
 * of its remote's latest commit, and the reads of what its builds recorded (versions, monthly
 * stats, whether one runs).
 */
export const BUILD_REQUESTS = {
  RunBuild: komodo('RunBuild', 'execute', BuildParamDto, execute, 'builder'),
  CancelBuild: komodo('CancelBuild', 'execute', BuildParamDto, execute, 'builder'),
  /** Komodo 2's write: answers once the remote's latest commit is read and recorded. */
  RefreshBuildCache: komodo('RefreshBuildCache', 'write', BuildParamDto, execute, 'builder'),
  // A batch checks Execute on each resource it picks.
  BatchRunBuild: komodo('BatchRunBuild', 'execute', BatchPatternDto, USER, 'builder'),
  ListBuildVersions: komodo('ListBuildVersions', 'read', ListBuildVersionsDto, read, 'gateway'),
  GetBuildActionState: komodo('GetBuildActionState', 'read', BuildParamDto, read, 'gateway'),
  // Over the builds the caller may read.
  GetBuildMonthlyStats: komodo(
    'GetBuildMonthlyStats',
    'read',
    GetBuildMonthlyStatsDto,
    USER,
    'gateway',
  ),
  ListCommonBuildExtraArgs: komodo(
    'ListCommonBuildExtraArgs',
    'read',
    ListCommonBuildExtraArgsDto,
    USER,
    'gateway',
  ),
};

/** Monitor's execution form of RefreshBuildCache, as for repos and stacks: an Update at once. */
export const BUILD_EXECUTION_FORMS = {
  RefreshBuildCache: entry<Types.Update>()(
    'RefreshBuildCache',
    'execute',
    BuildParamDto,
    execute,
    'builder',
  ),
};
