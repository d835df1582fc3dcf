import { BusError, execSubject, type BusClient } from '@monitor/bus';
import { procedureRunStream, updateStream, type ResourceKind } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel, UpdateRecord } from '@monitor/projections';
import type { CommandMeta, WriteResult } from '@monitor/resources';

/** An execution to ask of the service that runs it, e.g. `Deploy { deployment }`. */
export interface ExecutionCall {
  kind: ResourceKind;
  /** The execution's request name, e.g. `Deploy`. */
  execution: string;
  params: object;
  meta: CommandMeta;
}

/** Where an execution is sent and its Update read: the bus, and this process's read model. */
export interface ExecutionChannels {
  bus: Pick<BusClient, 'request'>;
  readModel: ReadModel;
}

/**
 * Sends an execution to the service that runs it (`exec.<kind>.<Execution>`) and answers its
 * Update as soon as this process's read model shows it: `Queued` or `InProgress`, so that the
 * caller's next read finds it. Refusals (validation, not found) are the service's BusErrors.
 */
export async function startExecution(
  { bus, readModel }: ExecutionChannels,
  { kind, execution, params, meta }: ExecutionCall,
): Promise<UpdateRecord> {
  const { id, position } = await bus.request<WriteResult>(execSubject(kind, execution), {
    params,
    meta,
  });
  await readModel.waitFor(position);
  return readModel.update(id)!;
}

/**
 * Runs an execution and waits for its Update to complete: what a Procedure stage does. Answers
 * the completed Update whether it succeeded or not (its `success` and logs say); fails only when
 * the execution could not be started, or with TIMEOUT when given `timeoutMs` and it ran longer.
 * Without a timeout it waits as long as the execution runs: a service that stops meanwhile marks
 * its unfinished Updates interrupted when it starts again, which completes them.
 */
export async function runExecution(
  channels: ExecutionChannels,
  call: ExecutionCall,
  { timeoutMs }: { timeoutMs?: number } = {},
): Promise<UpdateRecord> {
  const started = await startExecution(channels, call);
  return completion(channels.readModel, started.id, timeoutMs);
}

/** The Update `id` once complete, as the read model shows it. */
export function completion(
  readModel: ReadModel,
  id: string,
  timeoutMs?: number,
): Promise<UpdateRecord> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const end = (settle: () => void) => {
      stop();
      clearTimeout(timer);
      settle();
    };
    const check = (update: UpdateRecord | undefined) => {
      if (update?.id === id && update.status === 'Complete') end(() => resolve(update));
    };
    // Listen before looking, so that a completion between the two is not missed.
    const stop = readModel.onUpdate(check);
    if (timeoutMs !== undefined) {
      timer = setTimeout(
        () =>
          end(() =>
            reject(
              new BusError('TIMEOUT', `execution ${id} did not complete within ${timeoutMs} ms`, {
                update: id,
              }),
            ),
          ),
        timeoutMs,
      );
    }
    check(readModel.update(id));
  });
}

/**
 * Whether the Update `id` was started, by any process (one that may have stopped since): the
 * read model shows it, or its stream exists: `update-<id>`, or a procedure run's, whose Update
 * is that stream's projection.
 */
export async function updateStarted(
  store: EventStore,
  readModel: ReadModel,
  id: string,
): Promise<boolean> {
  if (readModel.update(id)) return true;
  for (const stream of [updateStream(id), procedureRunStream(id)])
    if ((await store.readStream(stream)).length > 0) return true;
  return false;
}
