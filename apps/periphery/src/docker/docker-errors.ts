import { PeripheryError } from '../api/periphery-error';

interface EngineFailure {
  statusCode?: number;
  code?: string;
  json?: { message?: string } | null;
  reason?: string;
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

/** What the engine said, without dockerode's "(HTTP code 404) unexpected -" wrapping. */
export function engineDetail(error: unknown): string {
  if (error instanceof PeripheryError) return error.message;
  const failure = (error ?? {}) as EngineFailure;
  if (failure.json?.message) return failure.json.message;
  // A streamed call (pull, push) has no parsed body: the engine's words are only in the message.
  const wrapped = /^\(HTTP code \d+\) [^-]*- ([\s\S]*\S)\s*$/.exec(failure.message ?? '');
  return wrapped?.[1] ?? failure.reason ?? failure.message ?? String(error);
}

/** The engine's HTTP status of a failed call, when it answered at all. */
export function engineStatus(error: unknown): number | undefined {
  return (error as EngineFailure | undefined)?.statusCode;
}
