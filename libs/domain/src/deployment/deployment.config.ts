import { defaultVersion, type ReferenceSpec, type Version } from '../resources/configs/common';

export const RESTART_MODES = ['no', 'on-failure', 'always', 'unless-stopped'] as const;
export type RestartMode = (typeof RESTART_MODES)[number];

export const TERMINATION_SIGNALS = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGTERM'] as const;
export type TerminationSignal = (typeof TERMINATION_SIGNALS)[number];

export type DeploymentImage =
  | { type: 'Image'; params: { image: string } }
  | { type: 'Build'; params: { build_id: string; version: Version } };

export type DeploymentImageType = DeploymentImage['type'];
export const DEPLOYMENT_IMAGE_TYPES: readonly DeploymentImageType[] = ['Image', 'Build'];

export interface DeploymentConfig {
  /** Komodo's Swarm mode; Monitor has no Swarm kind, so the field is kept but not resolved. */
  swarm_id: string;
  server_id: string;
  custom_name: string;
  image: DeploymentImage;
  image_registry_account: string;
  skip_secret_interp: boolean;
  redeploy_on_build: boolean;
  poll_for_updates: boolean;
  auto_update: boolean;
  send_alerts: boolean;
  links: string[];
  network: string;
  restart: RestartMode;
  command: string;
  replicas: number;
  termination_signal: TerminationSignal;
  /** Seconds. */
  termination_timeout: number;
  extra_args: string[];
  term_signal_labels: string;
  ports: string;
  volumes: string;
  environment: string;
  labels: string;
}

/** Version 0.0.0 of a Build means its latest image. */
export function defaultDeploymentImage<T extends DeploymentImageType>(
  type: T,
): Extract<DeploymentImage, { type: T }>;
export function defaultDeploymentImage(type: DeploymentImageType): DeploymentImage {
  return type === 'Build'
    ? { type, params: { build_id: '', version: defaultVersion() } }
    : { type, params: { image: '' } };
}

export function defaultDeploymentConfig(): DeploymentConfig {
  return {
    swarm_id: '',
    server_id: '',
    custom_name: '',
    image: defaultDeploymentImage('Image'),
    image_registry_account: '',
    skip_secret_interp: false,
    redeploy_on_build: false,
    poll_for_updates: false,
    auto_update: false,
    send_alerts: true,
    links: [],
    network: 'host',
    restart: 'no',
    command: '',
    replicas: 1,
    termination_signal: 'SIGTERM',
    termination_timeout: 10,
    extra_args: [],
    term_signal_labels: '',
    ports: '',
    volumes: '',
    environment: '',
    labels: '',
  };
}

export const DEPLOYMENT_REFERENCES: ReferenceSpec[] = [
  { path: ['server_id'], kind: 'Server' },
  {
    path: ['image', 'params', 'build_id'],
    kind: 'Build',
    when: { path: ['image', 'type'], equals: 'Build' },
  },
];

export const DEPLOYMENT_SECRETS: string[][] = [];
