import { RESTART_MODES, type RestartMode } from './deployment.config';
import { orThrow, fieldError, type FieldResult } from './errors';

/** Docker's `HostConfig.RestartPolicy`. */
export interface RestartPolicy {
  Name: RestartMode;
  MaximumRetryCount: number;
}

/** Komodo runs `docker run --restart on-failure:10`: the same bound here. */
export const ON_FAILURE_MAX_RETRIES = 10;

export function collectRestartPolicy(
  mode: unknown,
  field = 'restart',
): FieldResult<RestartPolicy | undefined> {
  const known = RESTART_MODES.find((m) => m === mode);
  if (!known) {
    const shown = typeof mode === 'string' ? `'${mode}'` : (JSON.stringify(mode) ?? String(mode));
    return {
      value: undefined,
      errors: [fieldError(field, `${shown} is not a restart mode (${RESTART_MODES.join(', ')})`)],
    };
  }
  const retries = known === 'on-failure' ? ON_FAILURE_MAX_RETRIES : 0;
  return { value: { Name: known, MaximumRetryCount: retries }, errors: [] };
}

/** Komodo's RestartMode as Docker's policy; anything else is a 400. */
export function restartPolicy(mode: unknown, field = 'restart'): RestartPolicy {
  return orThrow(collectRestartPolicy(mode, field)) as RestartPolicy;
}
