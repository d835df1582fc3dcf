import { TERMINATION_SIGNALS, type DeploymentConfig } from './deployment.config';
import { fieldError, type DeploymentFieldError } from './errors';

/** How the container is stopped: Docker's `StopSignal` and `StopTimeout` (seconds). */
export function terminationErrors(
  config: Partial<Pick<DeploymentConfig, 'termination_signal' | 'termination_timeout'>>,
): DeploymentFieldError[] {
  const errors: DeploymentFieldError[] = [];
  const signal: unknown = config.termination_signal;
  if (signal !== undefined && !TERMINATION_SIGNALS.some((s) => s === signal)) {
    errors.push(
      fieldError(
        'termination_signal',
        `${JSON.stringify(signal)} is not a signal (${TERMINATION_SIGNALS.join(', ')})`,
      ),
    );
  }
  const timeout: unknown = config.termination_timeout;
  if (timeout !== undefined && !(Number.isInteger(timeout) && (timeout as number) >= 0)) {
    errors.push(
      fieldError(
        'termination_timeout',
        `${JSON.stringify(timeout)} is not a number of seconds (a whole number, 0 or more)`,
      ),
    );
  }
  return errors;
}

/** Docker's own default when `network` is empty (Komodo's default config says `host`). */
export const DEFAULT_NETWORK_MODE = 'bridge';

export function networkMode(network: string): string {
  return network.trim() || DEFAULT_NETWORK_MODE;
}
