import type { AgentAddress } from '@monitor/agent-client';
import type { ExecutionContext } from '@monitor/executions';

/** What acquiring a builder writes to: its stages, and the values to mask in every log line. */
export type BuilderLog = Pick<ExecutionContext, 'stage' | 'secret'>;

export interface AcquireOptions {
  /** Cancels the waits (an Aws instance is terminated, as on any other failure). */
  signal?: AbortSignal;
}

/**
 * A builder's agent, held for one execution: where to send the agent's requests, and `release`,
 * to call once whatever happened (success, failure, timeout, cancel). `release` never rejects:
 * what it could not undo is logged as a failed stage (and, for an instance, alerted and retried).
 */
export interface AcquiredAgent {
  agent: AgentAddress;
  /** Which machine, for logs: `server 'build-1'`, `http://10.0.0.5:8120`, `instance i-0abc`. */
  where: string;
  release(): Promise<void>;
}
