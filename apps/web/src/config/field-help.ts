import type { DeploymentConfig, ServerConfig, StackConfig } from '@monitor/domain';
import type { ResourceKind } from '../api/types';

/*
 * What a config field means, after Komodo's reference, shown under the field. Kinds and fields
 * without a line here show their name only.
 */

const SERVER: Partial<Record<keyof ServerConfig, string>> = {
  address: "The agent's address, e.g. https://10.0.0.5:8120.",
  insecure_tls: "Accept the agent's self-signed certificate (pinned at first contact).",
  external_address: 'The address users reach the host on, used for links to its ports.',
  region: 'Free text to group servers.',
  enabled: 'Disabled servers are not polled and refuse executions.',
  passkey: 'The passkey the agent expects. Never shown once set.',
  ignore_mounts: 'Mount points left out of disk usage and disk alerts.',
  auto_prune: 'Prune unused images daily.',
  links: 'Links shown on the server page.',
  stats_monitoring: 'Record system stats for the history charts.',
  send_unreachable_alerts: 'Alert when the agent cannot be reached.',
  send_cpu_alerts: 'Alert when CPU use passes the thresholds.',
  send_mem_alerts: 'Alert when memory use passes the thresholds.',
  send_disk_alerts: 'Alert when disk use passes the thresholds.',
  cpu_warning: 'Percent of CPU for a warning.',
  cpu_critical: 'Percent of CPU for a critical alert.',
  mem_warning: 'Percent of memory for a warning.',
  mem_critical: 'Percent of memory for a critical alert.',
  disk_warning: 'Percent of disk for a warning.',
  disk_critical: 'Percent of disk for a critical alert.',
};

const DEPLOYMENT: Partial<Record<keyof DeploymentConfig, string>> = {
  server_id: 'The Server (name or id) the container runs on.',
  custom_name: "The container's name, if not the deployment's.",
  image: 'An image by reference (nginx:1.27), or the image of a Build.',
  image_registry_account: 'Registry account used to pull a private image.',
  skip_secret_interp: 'Do not replace [[VARIABLES]] in the environment.',
  redeploy_on_build: 'Deploy again when the Build finishes.',
  send_alerts: 'Alert when the container changes state on its own (a crash, an outside stop).',
  network: 'The Docker network: host, bridge, none or a network name.',
  restart: "Docker's restart policy.",
  command: 'Replaces the image command; quoted as a shell would.',
  replicas: 'Number of replicas (Swarm only).',
  termination_signal: 'Signal sent to stop the container.',
  termination_timeout: 'Seconds to wait after the signal before killing.',
  extra_args: 'Extra `docker run` arguments, one per line.',
  ports: 'One mapping per line: host:container, e.g. 8080:80.',
  volumes: 'One mount per line: /host/path:/container/path.',
  environment: 'One VARIABLE=value per line; [[NAME]] is replaced by the variable NAME.',
  labels: 'One label per line: key=value or key: value.',
  links: 'Links shown on the deployment page.',
};

const STACK: Partial<Record<keyof StackConfig, string>> = {
  server_id: 'The Server (name or id) the stack runs on.',
  project_name: "Compose project name, if not the stack's.",
  file_contents: 'The compose file, written to the server at deploy.',
  environment: 'Written as the .env file; [[NAME]] is replaced by the variable NAME.',
  auto_pull: 'Pull images before each deploy.',
  destroy_before_deploy: 'Take the stack down before bringing it up.',
  ignore_services: 'Services left out of the stack state.',
  extra_args: 'Extra `compose up` arguments, one per line.',
};

const HELP: Partial<Record<ResourceKind, Record<string, string | undefined>>> = {
  Server: SERVER,
  Deployment: DEPLOYMENT,
  Stack: STACK,
};

export function fieldHelp(kind: ResourceKind, field: string): string | undefined {
  return HELP[kind]?.[field];
}
