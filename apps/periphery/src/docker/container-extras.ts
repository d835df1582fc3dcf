import { byRule } from '../api/params';
import { isPlainObject } from './engine-validators';

type Shape = 'number' | 'boolean' | 'string' | 'strings' | 'objects' | 'record' | 'log';

/**
 * The Engine API fields a Deployment's `extra_args` may set, and their shapes. Anything else
 * is refused: the core passes the translated flags, never arbitrary create-body fields.
 */
const HOST: Record<string, Shape> = {
  Memory: 'number',
  MemoryReservation: 'number',
  MemorySwap: 'number',
  NanoCpus: 'number',
  CpuShares: 'number',
  CpusetCpus: 'string',
  PidsLimit: 'number',
  ShmSize: 'number',
  Privileged: 'boolean',
  ReadonlyRootfs: 'boolean',
  Init: 'boolean',
  CapAdd: 'strings',
  CapDrop: 'strings',
  ExtraHosts: 'strings',
  Dns: 'strings',
  DnsSearch: 'strings',
  DnsOptions: 'strings',
  SecurityOpt: 'strings',
  GroupAdd: 'strings',
  Ulimits: 'objects',
  Devices: 'objects',
  Tmpfs: 'record',
  Sysctls: 'record',
  LogConfig: 'log',
};
const CONFIG: Record<string, Shape> = {
  User: 'string',
  Hostname: 'string',
  Domainname: 'string',
  WorkingDir: 'string',
  Entrypoint: 'strings',
};

function fits(shape: Shape, value: unknown): boolean {
  switch (shape) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'objects':
      return Array.isArray(value) && value.every(isPlainObject);
    case 'record':
      return isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string');
    case 'log':
      return (
        isPlainObject(value) && typeof value.Type === 'string' && fits('record', value.Config ?? {})
      );
  }
}

function problemIn(part: string, value: unknown, shapes: Record<string, Shape>) {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) return `${part} must be an object`;
  for (const [key, field] of Object.entries(value)) {
    const shape = shapes[key];
    if (!shape) return `${part}.${key} is not a field extra_args can set`;
    if (!fits(shape, field)) return `${part}.${key} must be ${shape}`;
  }
  return undefined;
}

/** `{ host?: {...HostConfig fields}, config?: {...create body fields} }`. */
export const ContainerExtras = byRule<{
  host?: Record<string, unknown>;
  config?: Record<string, unknown>;
}>((value) => {
  if (!isPlainObject(value)) return 'must be an object { host, config }';
  const unknown = Object.keys(value).find((k) => k !== 'host' && k !== 'config');
  if (unknown) return `${unknown} is not host or config`;
  return problemIn('host', value.host, HOST) ?? problemIn('config', value.config, CONFIG);
});
