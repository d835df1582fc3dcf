import { DEFAULT_PERIPHERY_PORT, EACH, type ReferenceSpec } from '../resources/configs/common';

export interface ProviderAccount {
  username: string;
  token: string;
}

export interface GitProvider {
  domain: string;
  https: boolean;
  accounts: ProviderAccount[];
}

export interface ImageRegistry {
  domain: string;
  accounts: ProviderAccount[];
  organizations: string[];
}

export interface UrlBuilderConfig {
  address: string;
  periphery_public_key: string;
  insecure_tls: boolean;
  passkey: string;
}

export interface ServerBuilderConfig {
  /** Builds overflow to later servers when earlier ones are busy. */
  server_ids: string[];
}

export interface AwsBuilderConfig {
  region: string;
  instance_type: string;
  volume_gb: number;
  ami_id: string;
  subnet_id: string;
  key_pair_name: string;
  assign_public_ip: boolean;
  use_public_ip: boolean;
  security_group_ids: string[];
  user_data: string;
  port: number;
  use_https: boolean;
  periphery_public_key: string;
  insecure_tls: boolean;
  git_providers: GitProvider[];
  image_registries: ImageRegistry[];
  /** Names of the secrets available on the AMI, not their values. */
  secrets: string[];
}

export type BuilderConfig =
  | { type: 'Url'; params: UrlBuilderConfig }
  | { type: 'Server'; params: ServerBuilderConfig }
  | { type: 'Aws'; params: AwsBuilderConfig };

export type BuilderType = BuilderConfig['type'];
export const BUILDER_TYPES: readonly BuilderType[] = ['Url', 'Server', 'Aws'];

export function defaultUrlBuilderConfig(): UrlBuilderConfig {
  return {
    address: 'https://periphery:8120',
    periphery_public_key: '',
    insecure_tls: true,
    passkey: '',
  };
}

export function defaultServerBuilderConfig(): ServerBuilderConfig {
  return { server_ids: [] };
}

export function defaultAwsBuilderConfig(): AwsBuilderConfig {
  return {
    region: 'us-east-1',
    instance_type: 'c5.2xlarge',
    volume_gb: 20,
    ami_id: '',
    subnet_id: '',
    key_pair_name: '',
    assign_public_ip: false,
    use_public_ip: false,
    security_group_ids: [],
    user_data: '',
    port: DEFAULT_PERIPHERY_PORT,
    use_https: true,
    periphery_public_key: '',
    insecure_tls: true,
    git_providers: [],
    image_registries: [],
    secrets: [],
  };
}

/**
 * Komodo's `BuilderConfig::default()` is Aws, but a CreateBuilder without config merges the
 * default partial, which is Url, so a builder created bare is a Url builder. We follow what a
 * Komodo user observes.
 */
export function defaultBuilderConfig(): BuilderConfig {
  return { type: 'Url', params: defaultUrlBuilderConfig() };
}

export const BUILDER_REFERENCES: ReferenceSpec[] = [
  { path: ['params', 'server_ids'], kind: 'Server', when: { path: ['type'], equals: 'Server' } },
];

export const BUILDER_SECRETS: string[][] = [
  ['params', 'passkey'],
  ['params', 'git_providers', EACH, 'accounts', EACH, 'token'],
  ['params', 'image_registries', EACH, 'accounts', EACH, 'token'],
];
