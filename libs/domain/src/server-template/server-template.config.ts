import { DEFAULT_PERIPHERY_PORT, type ReferenceSpec } from '../resources/configs/common';

/*
 * ServerTemplate left Komodo in 1.17.5; these shapes and defaults are those of Komodo 1.x
 * (`entities/server_template/{aws,hetzner}.rs`), so that its TOML keeps working.
 */

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
  user_data: string;
  security_group_ids: string[];
  volumes: AwsVolume[];
}

export const HETZNER_DATACENTERS = [
  'Nuremberg1Dc3',
  'Helsinki1Dc2',
  'Falkenstein1Dc14',
  'AshburnDc1',
  'HillsboroDc1',
] as const;
export type HetznerDatacenter = (typeof HETZNER_DATACENTERS)[number];

export const HETZNER_SERVER_TYPES = [
  'SharedIntel1Core2Ram20Disk',
  'SharedAmd2Core2Ram40Disk',
  'SharedArm2Core4Ram40Disk',
  'SharedIntel2Core4Ram40Disk',
  'SharedAmd3Core4Ram80Disk',
  'SharedArm4Core8Ram80Disk',
  'SharedIntel2Core8Ram80Disk',
  'SharedAmd4Core8Ram160Disk',
  'SharedArm8Core16Ram160Disk',
  'SharedIntel4Core16Ram160Disk',
  'SharedAmd8Core16Ram240Disk',
  'SharedArm16Core32Ram320Disk',
  'SharedIntel8Core32Ram240Disk',
  'SharedAmd16Core32Ram360Disk',
  'DedicatedAmd2Core8Ram80Disk',
  'DedicatedAmd4Core16Ram160Disk',
  'DedicatedAmd8Core32Ram240Disk',
  'DedicatedAmd16Core64Ram360Disk',
  'DedicatedAmd32Core128Ram600Disk',
  'DedicatedAmd48Core192Ram960Disk',
] as const;
export type HetznerServerType = (typeof HETZNER_SERVER_TYPES)[number];

export const HETZNER_VOLUME_FORMATS = ['Xfs', 'Ext4'] as const;
export type HetznerVolumeFormat = (typeof HETZNER_VOLUME_FORMATS)[number];

export interface HetznerVolumeSpecs {
  name: string;
  size_gb: number;
  format: HetznerVolumeFormat;
  labels: Record<string, string>;
}

export interface HetznerServerTemplateConfig {
  image: string;
  datacenter: HetznerDatacenter;
  private_network_ids: number[];
  /** 0 means no placement group. */
  placement_group: number;
  enable_public_ipv4: boolean;
  enable_public_ipv6: boolean;
  firewall_ids: number[];
  server_type: HetznerServerType;
  ssh_keys: string[];
  user_data: string;
  use_public_ip: boolean;
  labels: Record<string, string>;
  volumes: HetznerVolumeSpecs[];
  port: number;
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
    user_data: '',
    security_group_ids: [],
    volumes: [
      { device_name: '/dev/sda1', size_gb: 20, volume_type: 'gp2', iops: 0, throughput: 0 },
    ],
  };
}

export function defaultHetznerServerTemplateConfig(): HetznerServerTemplateConfig {
  return {
    image: '',
    datacenter: 'Nuremberg1Dc3',
    private_network_ids: [],
    placement_group: 0,
    enable_public_ipv4: false,
    enable_public_ipv6: false,
    firewall_ids: [],
    server_type: 'SharedAmd2Core2Ram40Disk',
    ssh_keys: [],
    user_data: '',
    use_public_ip: false,
    labels: {},
    volumes: [],
    port: DEFAULT_PERIPHERY_PORT,
  };
}

export function defaultServerTemplateConfig(): ServerTemplateConfig {
  return { type: 'Aws', params: defaultAwsServerTemplateConfig() };
}

export const SERVER_TEMPLATE_REFERENCES: ReferenceSpec[] = [];

/** Cloud credentials live in the core config, not in templates. */
export const SERVER_TEMPLATE_SECRETS: string[][] = [];
