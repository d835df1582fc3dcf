import type { ActionConfig, ProcedureConfig, ResourceSyncConfig } from '@monitor/contracts';
import { GIT } from './common';

export const PROCEDURE_HELP: Partial<Record<keyof ProcedureConfig, string>> = {
  stages: 'Stages run one after another; the enabled executions of a stage run in parallel.',
  schedule_format: 'How schedule is written: English (every day at 03:00) or Cron.',
  schedule:
    'When to run: English, e.g. at midnight on the 1st and 15th, or cron with seconds (0 0 0 1,15 * ?).',
  schedule_enabled: 'Turn the schedule off without deleting it.',
  schedule_timezone: "Time zone of the schedule, e.g. Europe/Paris; empty uses the core's.",
  schedule_alert: 'Alert each time the schedule runs the procedure.',
  failure_alert: 'Alert when the procedure fails.',
  webhook_enabled: 'Let a webhook run the procedure.',
  webhook_secret: GIT.webhook_secret,
};

export const ACTION_HELP: Partial<Record<keyof ActionConfig, string>> = {
  file_contents:
    'TypeScript run on Node with `komodo` and `monitor` clients signed in as you, and ARGS.',
  arguments_format: 'How arguments are written: key_value (KEY=value lines) or json.',
  arguments: 'Default arguments, given to the script as ARGS; RunAction args override them.',
  run_at_startup: 'Run the action each time Monitor starts.',
  schedule_format: PROCEDURE_HELP.schedule_format,
  schedule: PROCEDURE_HELP.schedule,
  schedule_enabled: PROCEDURE_HELP.schedule_enabled,
  schedule_timezone: PROCEDURE_HELP.schedule_timezone,
  schedule_alert: 'Alert each time the schedule runs the action.',
  failure_alert: 'Alert when the action fails.',
  webhook_enabled: 'Let a webhook run the action.',
  webhook_secret: GIT.webhook_secret,
  reload_deno_deps: "Komodo's, kept for its files; Monitor runs actions on Node and ignores it.",
};

export const RESOURCE_SYNC_HELP: Partial<Record<keyof ResourceSyncConfig, string>> = {
  linked_repo: 'A Repo (name or id) to take the resource files from, instead of the git fields.',
  ...GIT,
  webhook_enabled: 'Let the git webhook refresh or run the sync on a push.',
  files_on_host: "Read the resource files on the core's host, under its sync directory.",
  resource_path:
    'TOML files or folders, one per line, relative to the repo root (or the sync directory on the host).',
  managed:
    'Let the UI write changes back to the resource file (those matching match_tags); delete is then on.',
  delete: 'Delete resources that the files do not declare; off leaves them alone.',
  include_resources: 'Sync the resources (servers, stacks, builds, ...) of the files.',
  match_tags: 'Only resources with all these tags are synced or written back; empty means all.',
  include_variables: 'Also sync the variables of the files ([[variable]]).',
  include_user_groups: 'Also sync the user groups of the files ([[user_group]]).',
  pending_alert: 'Alert when the sync has changes waiting to be run.',
  file_contents:
    'The resource TOML written here, used when there is no repo and no files on the host.',
};
