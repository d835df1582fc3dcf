import type { Resource } from '@monitor/domain';

/**
 * What an execution asks of a server's agent: one request, answered with its body. ServerAgents
 * calls the real agents; FakeAgent answers in memory, for tests and benches.
 */
export interface AgentCaller {
  call<T>(server: Resource, type: string, params?: unknown, timeoutMs?: number): Promise<T>;
}
