/**
 * Why a call to an agent failed, in words a user can act on: `UNREACHABLE` (nothing answered in
 * time, or the connection was refused), `REFUSED` (the agent refused the passkey or our
 * address), `CERTIFICATE` (the TLS certificate is not the pinned one), `AGENT` (the agent
 * answered with an error of its own).
 */
export type AgentErrorCode = 'UNREACHABLE' | 'REFUSED' | 'CERTIFICATE' | 'AGENT';

export class AgentError extends Error {
  constructor(
    readonly code: AgentErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AgentError';
  }
}
