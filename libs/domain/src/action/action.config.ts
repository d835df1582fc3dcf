import type { ReferenceSpec } from '../resources/configs/common';
import { defaultScheduledRunFields, type ScheduledRunFields } from '../procedure/procedure.config';

/** How `arguments` is written (Komodo's FileFormat); Monitor reads `key_value` and `json`. */
export const ARGUMENTS_FORMATS = ['key_value', 'toml', 'yaml', 'json'] as const;
export type ArgumentsFormat = (typeof ARGUMENTS_FORMATS)[number];

/**
 * Komodo's ActionConfig: a TypeScript file run with a signed-in client and `ARGS`.
 * `reload_deno_deps` is accepted for Komodo's syncs and ignored: Monitor runs Actions on Node.
 */
export interface ActionConfig extends ScheduledRunFields {
  file_contents: string;
  arguments_format: ArgumentsFormat;
  arguments: string;
  run_at_startup: boolean;
  reload_deno_deps: boolean;
}

export function defaultActionConfig(): ActionConfig {
  return {
    file_contents: '',
    arguments_format: 'key_value',
    arguments: '',
    run_at_startup: false,
    ...defaultScheduledRunFields(),
    reload_deno_deps: false,
  };
}

/** The script names its targets in code, not in config. */
export const ACTION_REFERENCES: ReferenceSpec[] = [];

export const ACTION_SECRETS: string[][] = [['webhook_secret']];
