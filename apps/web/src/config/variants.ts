import type { AlerterConfig, ResourceKind } from '@monitor/contracts';
import { configChanges, patchOf, type Config } from './diff';

type Endpoint = AlerterConfig['endpoint'];

/**
 * An Alerter's endpoint of each type as it starts: Komodo's placeholder urls (the shape to fill
 * in), Telegram's api, e-mail over STARTTLS on 587, as the gateway completes them.
 */
const ENDPOINT_VARIANTS: { [T in Endpoint['type']]: Extract<Endpoint, { type: T }>['params'] } = {
  Custom: { url: 'http://localhost:7000' },
  Slack: { url: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX' },
  Discord: { url: 'https://discord.com/api/webhooks/XXXXXXXXXXXX/XXXX-XXXXXXXXXX' },
  Ntfy: { url: 'http://localhost:8080/komodo', email: '' },
  Pushover: {
    url: 'https://api.pushover.net/1/messages.json?token=XXXXXXXXXXXXX&user=XXXXXXXXXXXXX',
  },
  Telegram: { bot_token: '', chat_id: '', url: 'https://api.telegram.org' },
  Email: {
    host: 'localhost',
    port: 587,
    security: 'starttls',
    username: '',
    password: '',
    from: '',
    to: [],
  },
};

/** Komodo's tagged unions `{ type, params }` held in a field: the params each type starts with. */
export const FIELD_VARIANTS: Record<string, Record<string, Config>> = {
  image: {
    Image: { image: '' },
    Build: { build_id: '', version: { major: 0, minor: 0, patch: 0 } },
  },
  endpoint: ENDPOINT_VARIANTS,
};

/**
 * Kinds whose whole config is such a union (a Builder): its `type` picks the variant, and a new
 * type starts from that variant's params, as the gateway completes them (Komodo's defaults).
 */
export const CONFIG_VARIANTS: Partial<Record<ResourceKind, Record<string, Config>>> = {
  Builder: {
    Server: { server_ids: [] },
    Url: { address: 'https://periphery:8120', passkey: '', insecure_tls: true },
    Aws: {
      region: 'us-east-1',
      instance_type: 'c5.2xlarge',
      ami_id: '',
      subnet_id: '',
      security_group_ids: [],
      key_pair_name: '',
      volume_gb: 20,
      assign_public_ip: false,
      use_public_ip: false,
      port: 8120,
      use_https: true,
      user_data: '',
    },
  },
  // Komodo 1.17.4's template defaults, as the gateway's (libs/domain server-template.config.ts).
  ServerTemplate: {
    Aws: {
      region: 'us-east-1',
      instance_type: 't3.small',
      ami_id: '',
      subnet_id: '',
      key_pair_name: '',
      assign_public_ip: true,
      use_public_ip: false,
      port: 8120,
      use_https: true,
      user_data: '',
      security_group_ids: [],
      volumes: [
        { device_name: '/dev/sda1', size_gb: 20, volume_type: 'gp2', iops: 0, throughput: 0 },
      ],
      cloud_account: '',
    },
    Hetzner: {
      image: 'ubuntu-24.04',
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
      port: 8120,
      use_https: true,
      cloud_account: '',
    },
  },
};

/** The config with its variant switched to `type`, its params those the type starts with. */
export function withVariant(kind: ResourceKind, config: Config, type: string): Config {
  const params = CONFIG_VARIANTS[kind]?.[type];
  return { ...config, type, params: structuredClone(params ?? {}) };
}

/**
 * The patch to send for a union config: within the same type only the params that changed, which
 * the gateway merges into the stored ones, under the type it checks them against. Sending them
 * all would send back a secret param (a Url builder's passkey) as the `*****` it was answered as.
 */
export function variantPatch(kind: ResourceKind, current: Config, patch: Config): Config {
  if (!CONFIG_VARIANTS[kind] || patch.type !== undefined || !isConfig(patch.params)) return patch;
  const before = isConfig(current.params) ? current.params : {};
  return { ...patch, type: current.type, params: patchOf(configChanges(before, patch.params)) };
}

function isConfig(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
