import type { StackConfig } from '@monitor/contracts';
import { GIT } from './common';

export const STACK_HELP: Partial<Record<keyof StackConfig, string>> = {
  swarm_id:
    "A Swarm to deploy on with `docker stack deploy` instead of a server (Komodo's Swarm mode).",
  server_id: 'The Server (name or id) the stack runs on.',
  links: 'Links shown on the stack page.',
  project_name:
    "Compose project name, if not the stack's; lets a stack adopt a project started by hand.",
  auto_pull: 'Pull images before each deploy, so the newest image of each tag runs.',
  run_build: 'Run `compose build` before bringing the stack up, for services built from source.',
  poll_for_updates: 'Check the registry now and then for newer images under the same tags.',
  auto_update: 'Redeploy when a newer image is found; implies poll_for_updates.',
  auto_update_all_services:
    'On an auto update, redeploy every service, not only those with a newer image.',
  auto_update_skip_services: 'Services the global auto update leaves alone, one per line.',
  destroy_before_deploy: 'Take the stack down before bringing it up.',
  skip_secret_interp: 'Do not replace [[VARIABLES]] in the environment.',
  linked_repo: 'A Repo (name or id) to take the compose files from, instead of the git fields.',
  ...GIT,
  clone_path: 'Where to clone the repo on the server, if not the default folder.',
  reclone: 'Delete and clone the repo again on each deploy, instead of pulling.',
  webhook_enabled: 'Let the git webhook deploy the stack on a push.',
  webhook_force_deploy: 'On a webhook, deploy even when the files did not change.',
  files_on_host: 'Use compose files already on the server, found by run_directory and file_paths.',
  run_directory: 'The directory compose runs in; file_paths and env_file_path are relative to it.',
  file_paths:
    'Compose files, one path per line, relative to the run directory; empty means compose.yaml.',
  env_file_path:
    'Where the environment is written, relative to the run directory; .env by default.',
  additional_env_files:
    'More files for --env-file, each { path, track }; tracked ones are also read and diffed.',
  config_files:
    'Other files of the stack to show and diff, each { path, services, requires }: Redeploy, Restart or None.',
  send_alerts: 'Alert when the stack changes state on its own (a crash, an outside stop).',
  registry_provider: 'Domain of a registry to log in to before deploy, e.g. ghcr.io.',
  registry_account: 'Account on registry_provider to log in with before deploy.',
  pre_deploy:
    'Shell command run before deploy: { path, command }, path relative to the run directory.',
  post_deploy:
    'Shell command run after deploy: { path, command }, path relative to the run directory.',
  extra_args: 'Extra `compose up` arguments, one per line.',
  build_extra_args: 'Extra `compose build` arguments, one per line; used when run_build is on.',
  compose_cmd_wrapper:
    'A command around compose, with [[COMPOSE_COMMAND]] in it, e.g. op run -- [[COMPOSE_COMMAND]].',
  compose_cmd_wrapper_include:
    'Compose subcommands the wrapper applies to (config, build, pull, up, run); empty means up.',
  ignore_services:
    'Services left out of the stack state, e.g. an init service that exits; one per line.',
  file_contents:
    'The compose file, written to the server at deploy; empty to use a repo or files on the host.',
  environment:
    'Written to env_file_path; one VARIABLE=value per line, [[NAME]] is replaced by the variable NAME.',
};
