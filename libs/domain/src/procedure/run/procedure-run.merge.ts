import type { ProcedureRunEvent } from './procedure-run';

/**
 * RunQueued then RunStarted as one RunQueued with its owner; StageStarted then the
 * ExecutionStarted of that moment as one StageStarted naming them.
 */
export function withStartsMerged(events: ProcedureRunEvent[]): ProcedureRunEvent[] {
  const merged: ProcedureRunEvent[] = [];
  for (const e of events) {
    const last = merged.at(-1);
    if (last?.type === 'RunQueued' && e.type === 'RunStarted' && !last.data.owner) {
      const { replica, leaseUntil } = e.data;
      merged[merged.length - 1] = {
        ...last,
        data: { ...last.data, owner: { replica, leaseUntil } },
      };
    } else if (
      last?.type === 'StageStarted' &&
      e.type === 'ExecutionStarted' &&
      e.data.stage === last.data.stage &&
      e.data.ts === last.data.ts
    ) {
      const { index, updateId } = e.data;
      const start = updateId ? { index, updateId } : { index };
      const started = [...(last.data.started ?? []), start];
      merged[merged.length - 1] = { ...last, data: { ...last.data, started } };
    } else merged.push(e);
  }
  return merged;
}

/** `ExecutionFinished`s then `StageFinished` then `RunFinished`, as that one RunFinished. */
export function withEndsInRunFinished(events: ProcedureRunEvent[]): ProcedureRunEvent[] {
  const end = events.at(-1);
  const stage = events.at(-2);
  if (end?.type !== 'RunFinished' || stage?.type !== 'StageFinished') return events;
  let first = events.length - 2;
  while (first > 0 && events[first - 1].type === 'ExecutionFinished') first--;
  const executionsFinished = events
    .slice(first, -2)
    .map((e) => (e as Extract<ProcedureRunEvent, { type: 'ExecutionFinished' }>).data)
    .map(({ stage: at, index, success, updateId }) =>
      updateId ? { stage: at, index, success, updateId } : { stage: at, index, success },
    );
  const data = {
    ...end.data,
    stageFinished: { stage: stage.data.stage, success: stage.data.success },
    ...(executionsFinished.length ? { executionsFinished } : {}),
  };
  return [...events.slice(0, first), { type: 'RunFinished', data }];
}
