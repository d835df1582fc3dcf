import type { ProcedureStage } from '../procedure.config';
import type { ProcedureRunEvent, ProcedureRunState } from './procedure-run';
import { procedureRunDecider } from './procedure-run.decider';

/** A run's stages in the tests: a Deploy beside a Sleep, then an empty stage. */
export const stages: ProcedureStage[] = [
  {
    name: 'deploy',
    enabled: true,
    executions: [
      { execution: { type: 'Deploy', params: { deployment: 'web' } }, enabled: true },
      { execution: { type: 'Sleep', params: { duration_ms: 10 } }, enabled: true },
    ],
  },
  { name: 'after', enabled: true, executions: [] },
];

/** What the first stage runs. */
export const planned = [
  { type: 'Deploy', params: { deployment: 'web' }, configured: 0 },
  { type: 'Sleep', params: { duration_ms: 10 }, configured: 1 },
];

/** The run's state after its events. */
export const given = (...events: ProcedureRunEvent[]): ProcedureRunState =>
  events.reduce(procedureRunDecider.evolve, procedureRunDecider.initialState());

/** The first stage's start with both its executions (the Deploy naming its child's Update). */
export const stageStartedWithBoth: ProcedureRunEvent = {
  type: 'StageStarted',
  data: {
    stage: 0,
    executions: planned,
    ts: 2,
    started: [{ index: 0, updateId: 'child' }, { index: 1 }],
  },
};
