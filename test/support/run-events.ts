import type { ProcedureRunEvent } from '@monitor/domain';

interface RunEvent {
  type: string;
  data: unknown;
}

/**
 * A run's stream as the events apart: a run decided several commands at once writes some as
 * one event (RunQueued naming its owner, StageStarted naming the executions it started,
 * RunFinished carrying its last stage's end and its executions'); tests that count starts and
 * takes read them here as RunStarted, ExecutionStarted, ExecutionFinished and StageFinished.
 */
export function runEventsApart(events: readonly RunEvent[]): RunEvent[] {
  return events.flatMap((event) => {
    const e = event as ProcedureRunEvent;
    if (e.type === 'RunQueued' && e.data.owner) {
      const { owner, ...queued } = e.data;
      return [
        { type: 'RunQueued', data: queued },
        { type: 'RunStarted', data: { ...owner, ts: queued.ts } },
      ];
    }
    if (e.type === 'StageStarted' && e.data.started) {
      const { started, ...stage } = e.data;
      const starts = started.map((x) => ({
        type: 'ExecutionStarted',
        data: { stage: stage.stage, ts: stage.ts, ...x },
      }));
      return [{ type: 'StageStarted', data: stage }, ...starts];
    }
    if (e.type === 'RunFinished' && e.data.stageFinished) {
      const { stageFinished, executionsFinished = [], ...end } = e.data;
      return [
        ...executionsFinished.map((data) => ({ type: 'ExecutionFinished', data })),
        { type: 'StageFinished', data: { ...stageFinished, ts: end.ts } },
        { type: 'RunFinished', data: end },
      ];
    }
    return [event];
  });
}
