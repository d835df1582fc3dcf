import type { AgentAnswerOf, AgentEntry } from '@monitor/contracts';
import type { Resource } from '@monitor/domain';
import type { AgentCallArgs, AgentCaller } from '../agents/agent-caller';
import type { OutputSink } from '../runner/live-output';

/** One request a FakeAgent was given, in the order they came. */
export interface FakeAgentCall {
  server: string;
  type: string;
  params: unknown;
}

/** How a FakeAgent answers a request; by default as the agent answers a command that worked. */
export type FakeAnswer = (call: FakeAgentCall) => unknown;

const worked: FakeAnswer = ({ type }) => ({ stdout: `${type} done`, stderr: '', success: true });

/**
 * An agent in memory: answers at once (as `answer` says), records every request, counts the
 * requests in flight on each server, and holds the requests of a type until released, so that
 * a test sees what waits behind them. No HTTP, no Docker: execution order is tested in
 * milliseconds.
 */
export class FakeAgent implements AgentCaller {
  readonly calls: FakeAgentCall[] = [];
  /** The most requests seen in flight at once on one server. */
  maxInFlightPerServer = 0;
  private readonly inFlight = new Map<string, number>();
  private readonly held = new Map<string, Promise<void>>();
  private readonly failing = new Map<string, string>();
  private readonly waiting = new Set<() => void>();

  constructor(private readonly answer: FakeAnswer = worked) {}

  /** Requests of `type` answer from now on as a command that failed with this error output. */
  failWith(type: string, stderr: string): void {
    this.failing.set(type, stderr);
  }

  /** Requests of `type` wait from now on until the returned function is called. */
  hold(type: string): () => void {
    let release!: () => void;
    this.held.set(type, new Promise((resolve) => (release = resolve)));
    return () => {
      this.held.delete(type);
      release();
    };
  }

  /** Resolves once the agent has been given `count` requests in all. */
  waitForCalls(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.calls.length < count) return;
        this.waiting.delete(check);
        resolve();
      };
      this.waiting.add(check);
      check();
    });
  }

  async call<E extends AgentEntry>(
    entry: E,
    server: Pick<Resource, 'id'>,
    ...[params]: AgentCallArgs<E>
  ): Promise<AgentAnswerOf<E>> {
    const type = entry.name;
    const call = { server: server.id, type, params: params ?? {} };
    this.calls.push(call);
    for (const check of [...this.waiting]) check();
    const inFlight = (this.inFlight.get(server.id) ?? 0) + 1;
    this.inFlight.set(server.id, inFlight);
    this.maxInFlightPerServer = Math.max(this.maxInFlightPerServer, inFlight);
    try {
      await this.held.get(type);
      const failure = this.failing.get(type);
      if (failure !== undefined)
        return { stdout: '', stderr: failure, success: false } as AgentAnswerOf<E>;
      return (await this.answer(call)) as AgentAnswerOf<E>;
    } finally {
      this.inFlight.set(server.id, this.inFlight.get(server.id)! - 1);
    }
  }

  /** As `call`: the answer's stdout, if any, is what its command printed, in one frame. */
  async stream<E extends AgentEntry>(
    entry: E,
    server: Pick<Resource, 'id'>,
    output: OutputSink,
    ...args: AgentCallArgs<E>
  ): Promise<AgentAnswerOf<E>> {
    const answer = await this.call(entry, server, ...args);
    const { stdout } = answer as { stdout?: unknown };
    if (typeof stdout === 'string' && stdout)
      output({ stage: entry.name, stream: 'stdout', text: stdout });
    return answer;
  }
}
