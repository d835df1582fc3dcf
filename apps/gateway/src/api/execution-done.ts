import { completion } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { ApiError } from './api-error';

/**
 * Komodo 2's writes that run an execution and answer once it is over (RefreshRepoCache,
 * RefreshBuildCache): `{}` when it succeeded, else its failed stage and message, naming the
 * Update that tells the rest.
 */
export async function executionDone(
  readModel: ReadModel,
  operation: string,
  updateId: string,
): Promise<Record<string, never>> {
  const update = await completion(readModel, updateId);
  if (update.success) return {};
  const failed = update.logs.find((log) => !log.success);
  throw new ApiError(
    500,
    `${operation} failed${failed ? ` at ${failed.stage}: ${failed.stderr}` : ''} (Update '${update.id}')`,
    'INTERNAL',
    { update: update.id },
  );
}
