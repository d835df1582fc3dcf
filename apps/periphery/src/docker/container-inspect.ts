import type { KomodoContainer } from '@monitor/contracts/agent';

type Json = Record<string, unknown>;

const TOP_LEVEL = [
  'Id',
  'Created',
  'Path',
  'Args',
  'State',
  'Image',
  'ResolvConfPath',
  'HostnamePath',
  'HostsPath',
  'LogPath',
  'Name',
  'RestartCount',
  'Driver',
  'Platform',
  'MountLabel',
  'ProcessLabel',
  'AppArmorProfile',
  'ExecIDs',
  'HostConfig',
  'GraphDriver',
  'SizeRw',
  'SizeRootFs',
  'Mounts',
  'Config',
  'NetworkSettings',
];

/** Lists Docker answers as null when empty and Komodo always as a list. */
const LISTS = {
  top: ['Args', 'ExecIDs', 'Mounts'],
  config: ['Env', 'Cmd', 'Entrypoint', 'OnBuild', 'Shell'],
  host: [
    'Binds',
    'BlkioWeightDevice',
    'BlkioDeviceReadBps',
    'BlkioDeviceWriteBps',
    'BlkioDeviceReadIOps',
    'BlkioDeviceWriteIOps',
    'CapAdd',
    'CapDrop',
    'ConsoleSize',
    'DeviceCgroupRules',
    'DeviceRequests',
    'Devices',
    'Dns',
    'DnsOptions',
    'DnsSearch',
    'ExtraHosts',
    'GroupAdd',
    'Links',
    'MaskedPaths',
    'Mounts',
    'ReadonlyPaths',
    'SecurityOpt',
    'Ulimits',
    'VolumesFrom',
  ],
  endpoint: ['Links', 'Aliases', 'DNSNames'],
};

/** Maps Docker answers as null when empty and Komodo always as a map. */
const MAPS = {
  host: ['Annotations', 'PortBindings', 'StorageOpt', 'Sysctls', 'Tmpfs'],
};

/**
 * Docker's container inspect as Komodo's periphery answers it (`InspectContainer`): Komodo's
 * fields at the top and in the network settings (the config and host config are Docker's, as
 * Komodo's are); `ExposedPorts` and `Volumes` as lists of their keys; empty lists and maps
 * present rather than null.
 */
export function toKomodoContainer(info: Json): KomodoContainer {
  const container = withLists(pick(info, TOP_LEVEL), LISTS.top);
  if (isObject(info.Config)) container.Config = configOf(info.Config);
  if (isObject(info.HostConfig)) container.HostConfig = hostConfigOf(info.HostConfig);
  if (isObject(info.NetworkSettings)) container.NetworkSettings = networkOf(info.NetworkSettings);
  return container;
}

function configOf(config: Json): Json {
  return {
    ...withLists(config, LISTS.config),
    ExposedPorts: keysOf(config.ExposedPorts),
    Volumes: keysOf(config.Volumes),
    Labels: isObject(config.Labels) ? config.Labels : {},
  };
}

function hostConfigOf(host: Json): Json {
  const out = withMaps(withLists(host, LISTS.host), MAPS.host);
  out.PortBindings = portsOf(out.PortBindings);
  return out;
}

function networkOf(settings: Json): Json {
  const networks = isObject(settings.Networks) ? settings.Networks : {};
  return {
    ...pick(settings, ['SandboxID', 'SandboxKey']),
    Ports: portsOf(settings.Ports),
    Networks: Object.fromEntries(
      Object.entries(networks).map(([name, endpoint]) => [
        name,
        isObject(endpoint)
          ? { ...withLists(endpoint, LISTS.endpoint), DriverOpts: endpoint.DriverOpts ?? {} }
          : endpoint,
      ]),
    ),
  };
}

/** `{ "80/tcp": [..] | null }`: a port published nowhere is an empty list, as in Komodo. */
function portsOf(value: unknown): Json {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([port, to]) => [port, to ?? []]));
}

const keysOf = (value: unknown): string[] => (isObject(value) ? Object.keys(value) : []);

function pick(source: Json, keys: readonly string[]): Json {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

function withLists(source: Json, keys: readonly string[]): Json {
  return { ...source, ...Object.fromEntries(keys.map((k) => [k, source[k] ?? []])) };
}

function withMaps(source: Json, keys: readonly string[]): Json {
  return { ...source, ...Object.fromEntries(keys.map((k) => [k, source[k] ?? {}])) };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
