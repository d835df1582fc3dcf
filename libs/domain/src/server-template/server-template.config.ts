import { DEFAULT_PERIPHERY_PORT, type ReferenceSpec } from '../resources/configs/common';
import type {
  HetznerDatacenterValue,
  HetznerServerTypeValue,
  HetznerVolumeFormatValue,
} from './hetzner-names';

export {
  HETZNER_DATACENTERS,
  HETZNER_SERVER_TYPES,
  HETZNER_VOLUME_FORMATS,
  HETZNER_DATACENTER_VALUES,
  HETZNER_SERVER_TYPE_VALUES,
  HETZNER_VOLUME_FORMAT_VALUES,
  type HetznerDatacenter,
  type HetznerServerType,
  type HetznerVolumeFormat,
} from './hetzner-names';

/*
 * ServerTemplate left Komodo in 1.17.5; these shapes and defaults are those of Komodo 1.17.4
 * (`entities/server_template/{aws,hetzner}.rs`), so that its TOML keeps working. Beyond Komodo:
 * `cloud_account`. Komodo's default `user_data` installs Komodo's periphery from GitHub;
 * Monitor's is empty (see DEFAULT_USER_DATA).
 */

/**
 * The image (AMI, Hetzner snapshot) or the template's own `user_data` provides Monitor's agent
 * as `monitor-periphery.service`; the launch adds what configures and starts it.
 */
export const DEFAULT_USER_DATA = '';

export const AWS_VOLUME_TYPES = ['gp2', 'gp3', 'io1', 'io2'] as const;
export type AwsVolumeType = (typeof AWS_VOLUME_TYPES)[number];

export interface AwsVolume {
  device_name: string;
  size_gb: number;
  volume_type: AwsVolumeType;
  /** 0 means the AWS default. */
  iops: number;
  throughput: number;
}

export interface AwsServerTemplateConfig {
  region: string;
  instance_type: string;
  ami_id: string;
  subnet_id: string;
  key_pair_name: string;
  assign_public_ip: boolean;
  use_public_ip: boolean;
  port: number;
  /** The agent serves https, with the key and certificate the launch makes for it. */
  use_https: boolean;
  user_data: string;
  security_group_ids: string[];
  volumes: AwsVolume[];
  /** The cloud account whose credentials launch it; '' uses the core config's. */
  cloud_account: string;
}

export interface HetznerVolumeSpecs {
  name: string;
  size_gb: number;
  format: HetznerVolumeFormatValue;
  labels: Record<string, string>;
}

export interface HetznerServerTemplateConfig {
  image: string;
  /** Komodo's name (`Nuremberg1Dc3`) or Hetzner's (`nbg1-dc3`). */
  datacenter: HetznerDatacenterValue;
  private_network_ids: number[];
  /** 0 means no placement group. */
  placement_group: number;
  enable_public_ipv4: boolean;
  enable_public_ipv6: boolean;
  firewall_ids: number[];
  /** Komodo's name (`SharedAmd2Core2Ram40Disk`) or Hetzner's (`cpx11`). */
  server_type: HetznerServerTypeValue;
  ssh_keys: string[];
  user_data: string;
  use_public_ip: boolean;
  labels: Record<string, string>;
  volumes: HetznerVolumeSpecs[];
  port: number;
  use_https: boolean;
  cloud_account: string;
}

export type ServerTemplateConfig =
  | { type: 'Aws'; params: AwsServerTemplateConfig }
  | { type: 'Hetzner'; params: HetznerServerTemplateConfig };

export type ServerTemplateType = ServerTemplateConfig['type'];
export const SERVER_TEMPLATE_TYPES: readonly ServerTemplateType[] = ['Aws', 'Hetzner'];

export function defaultAwsServerTemplateConfig(): AwsServerTemplateConfig {
  return {
    region: 'us-east-1',
    instance_type: 't3.small',
    ami_id: '',
    subnet_id: '',
    key_pair_name: '',
    assign_public_ip: true,
    use_public_ip: false,
    port: DEFAULT_PERIPHERY_PORT,
    use_https: true,
    user_data: DEFAULT_USER_DATA,
    security_group_ids: [],
    volumes: [
      { device_name: '/dev/sda1', size_gb: 20, volume_type: 'gp2', iops: 0, throughput: 0 },
    ],
    cloud_account: '',
  };
}

export function defaultHetznerServerTemplateConfig(): HetznerServerTemplateConfig {
  return {
    image: 'ubuntu-24.04',
    datacenter: 'Nuremberg1Dc3',
    private_network_ids: [],
    placement_group: 0,
    enable_public_ipv4: false,
    enable_public_ipv6: false,
    firewall_ids: [],
    server_type: 'SharedAmd2Core2Ram40Disk',
    ssh_keys: [],
    user_data: DEFAULT_USER_DATA,
    use_public_ip: false,
    labels: {},
    volumes: [],
    port: DEFAULT_PERIPHERY_PORT,
    use_https: true,
    cloud_account: '',
  };
}

export function defaultServerTemplateConfig(): ServerTemplateConfig {
  return { type: 'Aws', params: defaultAwsServerTemplateConfig() };
}

export const SERVER_TEMPLATE_REFERENCES: ReferenceSpec[] = [];

/** Cloud credentials live in the core config or a cloud account, never in templates. */
export const SERVER_TEMPLATE_SECRETS: string[][] = [];

/**
 * A stored config with the fields it predates filled from the defaults (`use_https` and
 * `cloud_account` came after issue 12's templates): what a launch reads.
 */
export function completeServerTemplateConfig(config: ServerTemplateConfig): ServerTemplateConfig {
  return config.type === 'Aws'
    ? { type: 'Aws', params: { ...defaultAwsServerTemplateConfig(), ...config.params } }
    : { type: 'Hetzner', params: { ...defaultHetznerServerTemplateConfig(), ...config.params } };
}
