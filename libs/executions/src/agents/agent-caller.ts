import type { AgentAnswerOf, AgentEntry, AgentParamsOf } from '@monitor/contracts';
import type { Resource } from '@monitor/domain';
import type { OutputSink } from '../runner/live-output';

/**
 * The params of an agent request, then an optional timeout: params may be left out only when the
 * request requires none.
 */
export type AgentCallArgs<E extends AgentEntry> =
  Record<never, never> extends AgentParamsOf<E>
    ? [params?: AgentParamsOf<E>, timeoutMs?: number]
    : [params: AgentParamsOf<E>, timeoutMs?: number];

/**
 * What an execution asks of a server's agent: one request of the agent's catalogue (`AGENT` in
 * @monitor/contracts), answered with its body, typed by the entry. ServerAgents calls the real
 * agents; FakeAgent answers in memory, for tests and benches.
 */
export interface AgentCaller {
  call<E extends AgentEntry>(
    entry: E,
    server: Resource,
    ...args: AgentCallArgs<E>
  ): Promise<AgentAnswerOf<E>>;

  /**
   * As `call`, the lines its commands print going to `output` (an ExecutionContext's) as they
   * are printed; the answer is the same. `timeoutMs` is the longest wait for the next line.
   */
  stream<E extends AgentEntry>(
    entry: E,
    server: Resource,
    output: OutputSink,
    ...args: AgentCallArgs<E>
  ): Promise<AgentAnswerOf<E>>;
}
