import type { Resource } from '@monitor/domain';
import { MemoryEventStore } from '@monitor/eventstore';
import { ReadModel, type UpdateStatus } from '@monitor/projections';
import type { AgentEntry } from '@monitor/contracts';
import type { ExecutionContext, StageOutput } from '../runner/execution-context';
import { ExecutionRunner } from '../runner/execution-runner';
import { FakeAgent } from './fake-agent';

/**
 * The execution machinery over the in-memory event store, with a FakeAgent: the runner, the
 * read model showing its Updates (each status they went through is kept), and a restart (a new
 * runner on the same log, as a service started again after a crash).
 */
export class FakeExecutions {
  readonly store = new MemoryEventStore();
  readonly readModel = new ReadModel();
  runner: ExecutionRunner;
  private readonly seen = new Map<string, UpdateStatus[]>();
  private readonly stopWatching: () => void;

  constructor(readonly agent = new FakeAgent()) {
    this.readModel.start(this.store);
    this.runner = new ExecutionRunner(this.store, this.readModel);
    this.stopWatching = this.readModel.onUpdate(({ id, status }) => {
      const statuses = this.seen.get(id) ?? [];
      if (statuses.at(-1) !== status) this.seen.set(id, [...statuses, status]);
    });
  }

  /** Work that asks the agent for `type` on `server`, as one logged stage. */
  agentStage(
    server: Pick<Resource, 'id' | 'name'>,
    type: string,
    params: unknown = {},
  ): (context: ExecutionContext) => Promise<void> {
    return async (context) => {
      await context.stage(type, `${type} on ${server.name}`, () =>
        this.agent.call<AgentEntry<string, unknown, StageOutput>>({ name: type }, server, params),
      );
    };
  }

  /** Every status the Update went through, in order, as the read model showed them. */
  statuses(id: string): UpdateStatus[] {
    return this.seen.get(id) ?? [];
  }

  /** Resolves once the read model has applied everything appended so far. */
  async settled(): Promise<void> {
    await this.readModel.waitFor(await this.store.headPosition());
  }

  /** A new runner on the same log: what a service has after a restart (nothing queued). */
  restart(): ExecutionRunner {
    this.runner = new ExecutionRunner(this.store, this.readModel);
    return this.runner;
  }

  async close(): Promise<void> {
    this.stopWatching();
    await this.readModel.stop();
    await this.store.close();
  }
}
