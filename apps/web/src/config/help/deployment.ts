import type { DeploymentConfig } from '@monitor/contracts';

export const DEPLOYMENT_HELP: Partial<Record<keyof DeploymentConfig, string>> = {
  swarm_id: "A Swarm to run on as a service instead of a server (Komodo's Swarm mode).",
  server_id: 'The Server (name or id) the container runs on.',
  custom_name: "The container's name, if not the deployment's.",
  image: 'An image by reference (nginx:1.27), or the image of a Build.',
  image_registry_account: 'Registry account used to pull a private image.',
  skip_secret_interp: 'Do not replace [[VARIABLES]] in the environment.',
  redeploy_on_build: 'Deploy again when the Build finishes.',
  poll_for_updates: 'Check the registry now and then for a newer image under the same tag.',
  auto_update: 'Redeploy when a newer image is found; implies poll_for_updates.',
  send_alerts: 'Alert when the container changes state on its own (a crash, an outside stop).',
  links: 'Links shown on the deployment page.',
  network: 'The Docker network: host, bridge, none or a network name.',
  restart: "Docker's restart policy: no, on-failure, always or unless-stopped.",
  command:
    'Goes after the image: replaces its CMD or feeds its ENTRYPOINT; quoted as a shell would.',
  replicas: 'Number of replicas (Swarm only).',
  termination_signal: 'Signal sent to stop the container.',
  termination_timeout: 'Seconds to wait after the signal before killing.',
  extra_args: 'Extra `docker run` arguments, one per line.',
  term_signal_labels:
    'What each stop signal does, one SIGNAL=description per line, e.g. SIGINT=quick stop.',
  ports: 'One mapping per line: host:container, e.g. 8080:80. Unused on the host network.',
  volumes: 'One mount per line: /host/path:/container/path.',
  environment: 'One VARIABLE=value per line; [[NAME]] is replaced by the variable NAME.',
  labels: 'One label per line: key=value or key: value.',
};
