import {
  evolveProcedureRun,
  evolveUpdate,
  renderTail,
  runUpdateEvents,
  type DomainEvent,
  type Execution,
  type ExecutionState,
  type ProcedureRun,
  type ProcedureRunEvent,
  type ProcedureRunState,
  type RunningOutput,
} from '@monitor/domain';
import type { EventMetadata, StoredEvent } from '@monitor/eventstore';
import type { UpdateLog, UpdateRecord } from './update-record';

/**
 * Executions as Updates, folded as their events arrive: streams `update-<id>`, and procedure
 * runs (`procedurerun-<id>`), whose Update is their stream's projection (runUpdateEvents).
 */
export class ExecutionUpdates {
  private readonly executions = new Map<
    string,
    /** `startedAt`: the store position of its first event, the same on every replica. */
    { execution: Execution; operator: string; via: string; startedAt: number }
  >();
  /** Execution ids by target (`<type>:<id>`): reads of one resource do not scan them all. */
  private readonly byTarget = new Map<string, string[]>();

  /**
   * Runs whose Update is projected, while unfinished: what their next events are told on, and
   * whether a new run of their procedure starts Queued.
   */
  private readonly runs = new Map<string, ProcedureRun>();

  readonly categories = ['update', 'procedurerun'];

  apply(event: StoredEvent): UpdateRecord | undefined {
    if (event.stream.startsWith('procedurerun-')) return this.applyRun(event);
    return this.fold(event.stream.slice('update-'.length), [event], event);
  }

  private applyRun(event: StoredEvent): UpdateRecord | undefined {
    const runId = event.stream.slice('procedurerun-'.length);
    const e = event as unknown as ProcedureRunEvent;
    const known = this.runs.get(runId);
    if (!known && !(e.type === 'RunQueued' && e.data.projectedUpdate)) return undefined;
    const before: ProcedureRunState = known
      ? { status: 'Active', run: known }
      : { status: 'Empty' };
    const after = evolveProcedureRun(before, event);
    if (after.status !== 'Active') return undefined;
    const { procedureId, updateId, status } = after.run;
    const queued = !known && [...this.runs.values()].some((x) => x.procedureId === procedureId);
    const updates = runUpdateEvents(before, event, queued);
    if (status === 'Finished') this.runs.delete(runId);
    else this.runs.set(runId, after.run);
    return this.fold(updateId, updates, event);
  }

  /** An Update's events, as `stored` (the event that brought them) tells them. */
  private fold(id: string, events: DomainEvent[], stored: StoredEvent): UpdateRecord | undefined {
    let record: UpdateRecord | undefined;
    for (const event of events) record = this.evolve(id, event, stored) ?? record;
    return record;
  }

  private evolve(id: string, event: DomainEvent, stored: StoredEvent): UpdateRecord | undefined {
    const known = this.executions.get(id);
    const before: ExecutionState = known
      ? { status: 'Active', execution: known.execution }
      : { status: 'Empty' };
    const state = evolveUpdate(before, event);
    if (state.status !== 'Active') return undefined;
    const execution = known ? state.execution : withParent(state.execution, stored.metadata);
    const entry = known ?? {
      operator: stored.metadata.userId,
      via: stored.metadata.via,
      execution,
      startedAt: stored.position,
    };
    entry.execution = execution;
    if (!known) {
      const target = targetKey(state.execution.target.type, state.execution.target.id);
      this.byTarget.set(target, [...(this.byTarget.get(target) ?? []), id]);
    }
    this.executions.set(id, entry);
    return toRecord(entry.execution, entry.operator, entry.via, stored.position);
  }

  /** Executions not complete: after a crash, what must be marked interrupted. */
  unfinished(): Execution[] {
    return [...this.executions.values()]
      .map((e) => e.execution)
      .filter((x) => x.status !== 'Complete');
  }

  /** The executions of one target, newest first: ties in reverse log order (ids are random). */
  forTarget(type: string, id: string): Execution[] {
    return (this.byTarget.get(targetKey(type, id)) ?? [])
      .map((executionId) => this.executions.get(executionId)!.execution)
      .reverse()
      .sort((a, b) => b.startTs - a.startTs);
  }

  execution(id: string): Execution | undefined {
    return this.executions.get(id)?.execution;
  }

  /**
   * The store position of the execution's first event: an order of executions every replica
   * agrees on (a queue across replicas), unlike their clocks.
   */
  startPosition(id: string): number | undefined {
    return this.executions.get(id)?.startedAt;
  }
}

const targetKey = (type: string, id: string) => `${type}:${id}`;

/**
 * An execution a procedure run sent names the run's Update (`other_data.parent`) from its start:
 * the run sends it as its user, via `procedure`, caused by the run's Update.
 */
function withParent(execution: Execution, metadata: EventMetadata): Execution {
  if (metadata.via !== 'procedure' || !metadata.causationId) return execution;
  return { ...execution, otherData: { parent: metadata.causationId, ...execution.otherData } };
}

function toRecord(x: Execution, operator: string, via: string, position: number): UpdateRecord {
  return {
    id: x.id,
    operation: x.operation,
    start_ts: x.startTs,
    end_ts: x.endTs,
    success: x.success,
    operator,
    via,
    target: x.target as UpdateRecord['target'],
    logs: x.output ? [...x.logs, runningLog(x.output)] : x.logs,
    status: x.status,
    other_data: x.otherData ? JSON.stringify(x.otherData) : undefined,
    position,
  };
}

/**
 * The running stage as Komodo's Log, last in the Update: not (yet) a success, and `end_ts` 0
 * while it runs. Its log replaces it when it ends.
 */
function runningLog(output: RunningOutput): UpdateLog {
  return {
    stage: output.stage,
    command: '',
    stdout: renderTail(output.stdout),
    stderr: renderTail(output.stderr),
    success: false,
    start_ts: output.start_ts,
    end_ts: 0,
  };
}
