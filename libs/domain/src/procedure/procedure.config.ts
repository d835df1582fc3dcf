import type { ReferenceSpec } from '../resources/configs/common';

export const SCHEDULE_FORMATS = ['English', 'Cron'] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];

/**
 * One of Komodo's many execution requests (`RunBuild`, `Deploy`, `Sleep`, ...). Its params are
 * checked by the procedures service, which knows the executions Monitor supports.
 */
export interface ProcedureExecution {
  type: string;
  params: Record<string, unknown>;
}

export interface EnabledExecution {
  execution: ProcedureExecution;
  enabled: boolean;
}

/** Stages run in sequence; the executions of a stage run in parallel. */
export interface ProcedureStage {
  name: string;
  enabled: boolean;
  executions: EnabledExecution[];
}

/** What Procedures and Actions share, as Komodo: how they run on a schedule or a webhook. */
export interface ScheduledRunFields {
  schedule_format: ScheduleFormat;
  schedule: string;
  schedule_enabled: boolean;
  schedule_timezone: string;
  schedule_alert: boolean;
  failure_alert: boolean;
  webhook_enabled: boolean;
  webhook_secret: string;
}

export function defaultScheduledRunFields(): ScheduledRunFields {
  return {
    schedule_format: 'English',
    schedule: '',
    schedule_enabled: true,
    schedule_timezone: '',
    schedule_alert: true,
    failure_alert: true,
    webhook_enabled: true,
    webhook_secret: '',
  };
}

export interface ProcedureConfig extends ScheduledRunFields {
  stages: ProcedureStage[];
}

export function defaultProcedureConfig(): ProcedureConfig {
  return { stages: [], ...defaultScheduledRunFields() };
}

/**
 * Executions name their targets in params whose names depend on the execution type
 * (`build`, `deployment`, `server`, `pattern`, ...), so they are not listed here.
 */
export const PROCEDURE_REFERENCES: ReferenceSpec[] = [];

export const PROCEDURE_SECRETS: string[][] = [['webhook_secret']];
