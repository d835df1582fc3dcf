import type { ReferenceSpec } from '../resources/configs/common';
import type { ScheduleFormat } from '../procedure/procedure.config';

/** How `arguments` is written (Komodo's FileFormat); Monitor reads `key_value` and `json`. */
export const ARGUMENTS_FORMATS = ['key_value', 'toml', 'yaml', 'json'] as const;
export type ArgumentsFormat = (typeof ARGUMENTS_FORMATS)[number];

/**
 * Komodo's ActionConfig: a TypeScript file run with a signed-in client and `ARGS`.
 * `reload_deno_deps` is accepted for Komodo's syncs and ignored: Monitor runs Actions on Node.
 */
export interface ActionConfig {
  file_contents: string;
  arguments_format: ArgumentsFormat;
  arguments: string;
  run_at_startup: boolean;
  schedule_format: ScheduleFormat;
  schedule: string;
  schedule_enabled: boolean;
  schedule_timezone: string;
  schedule_alert: boolean;
  failure_alert: boolean;
  webhook_enabled: boolean;
  webhook_secret: string;
  reload_deno_deps: boolean;
}

export function defaultActionConfig(): ActionConfig {
  return {
    file_contents: '',
    arguments_format: 'key_value',
    arguments: '',
    run_at_startup: false,
    schedule_format: 'English',
    schedule: '',
    schedule_enabled: true,
    schedule_timezone: '',
    schedule_alert: true,
    failure_alert: true,
    webhook_enabled: true,
    webhook_secret: '',
    reload_deno_deps: false,
  };
}

/** The script names its targets in code, not in config. */
export const ACTION_REFERENCES: ReferenceSpec[] = [];

export const ACTION_SECRETS: string[][] = [['webhook_secret']];
