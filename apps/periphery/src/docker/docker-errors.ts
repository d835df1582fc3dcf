import { PeripheryError } from '../api/periphery-error';

/** An EngineApiError (the engine refused) or a socket error (`code`: it was not reached). */
interface EngineFailure {
  statusCode?: number;
  code?: string;
  json?: { message?: string } | null;
  message?: string;
}

/**
 * An Engine API failure as an error the core (and its user) can act on. `notFound` words the
 * 404 for what was asked ("no container named 'web'"); connection failures say which socket.
 */
export function engineError(
  error: unknown,
  context: { socket: string; notFound?: string },
): PeripheryError {
  if (error instanceof PeripheryError) return error;
  const failure = (error ?? {}) as EngineFailure;
  const detail = engineDetail(error);
  if (failure.code && ['ENOENT', 'ECONNREFUSED', 'EACCES', 'EPERM'].includes(failure.code)) {
    return new PeripheryError(
      'DOCKER_UNAVAILABLE',
      `cannot reach the Docker engine at ${context.socket} (${failure.code}): ` +
        'is dockerd running, and may the agent use its socket? (docker_socket in the config)',
    );
  }
  switch (failure.statusCode) {
    case 404:
      return new PeripheryError('NOT_FOUND', context.notFound ?? `Docker: ${detail}`);
    case 400:
      return new PeripheryError('VALIDATION', `Docker refused the request: ${detail}`);
    case 409:
      return new PeripheryError('CONFLICT', `Docker: ${detail}`);
    default:
      return new PeripheryError('DOCKER', `Docker engine error: ${detail}`);
  }
}

/** What the engine (or the socket) said. */
export function engineDetail(error: unknown): string {
  if (error instanceof PeripheryError) return error.message;
  const failure = (error ?? {}) as EngineFailure;
  return failure.json?.message || failure.message || String(error);
}

/** The engine's HTTP status of a failed call, when it answered at all. */
export function engineStatus(error: unknown): number | undefined {
  return (error as EngineFailure | undefined)?.statusCode;
}
