import { AgentError } from '@monitor/agent-client';
import { BusError } from '@monitor/bus';
import type { Resource } from '@monitor/domain';

/** An agent's failure, as the caller of a server read should see it. */
export function fromAgent(server: Resource, error: unknown): BusError {
  if (!(error instanceof AgentError))
    return error instanceof BusError
      ? error
      : new BusError('INTERNAL', String((error as Error)?.message ?? error));
  const where = `server '${server.name}'`;
  switch (error.code) {
    case 'UNREACHABLE':
      return new BusError('UNAVAILABLE', `${where} is unreachable: ${error.message}`);
    case 'REFUSED':
    case 'CERTIFICATE':
      return new BusError('UNAVAILABLE', `${where}: ${error.message}`);
    case 'AGENT':
      if (error.status === 404) return new BusError('NOT_FOUND', `${where}: ${error.message}`);
      if (error.status === 400) return new BusError('VALIDATION', `${where}: ${error.message}`);
      if (error.status === 409) return new BusError('CONFLICT', `${where}: ${error.message}`);
      return new BusError('INTERNAL', `${where}: ${error.message}`);
  }
}
