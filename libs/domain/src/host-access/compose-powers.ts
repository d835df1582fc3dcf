import { parse } from 'yaml';
import { bindPowers } from './bind-powers';
import {
  buildSectionPowers,
  environmentSourcePowers,
  type HostPathCheck,
} from './build-section-powers';
import { staysInside } from './host-paths';
import type { HostPower, HostPowerKind } from './host-powers';

type Yaml = Record<string, unknown>;

const HOST_MODES: [string, string][] = [
  ['network_mode', 'network'],
  ['pid', 'pid'],
  ['ipc', 'ipc'],
  ['userns_mode', 'user'],
  ['uts', 'uts'],
  ['cgroup', 'cgroup'],
];
/** Keys whose paths compose reads from the host (not only mounts). */
const PATH_KEYS = ['env_file', 'extends'];

const isObject = (v: unknown): v is Yaml =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * What a compose file asks of its host, read before it is deployed: privileged services, added
 * capabilities, devices, host namespaces, security options, and host paths mounted or read
 * outside the stack's folder. A value left to compose's `${VARIABLES}` counts as asking, since
 * its value is only known on the host.
 */
export function composePowers(text: string, field = 'file_contents'): HostPower[] {
  let doc: unknown;
  try {
    doc = parse(text, { merge: true, maxAliasCount: 1000 });
  } catch (error) {
    const detail = `cannot be read as YAML (${(error as Error).message})`;
    return [{ power: 'unchecked_compose', field, detail }];
  }
  if (!isObject(doc)) return [];
  const powers: HostPower[] = [];
  const hostPath = hostPathIn(field);
  for (const [name, service] of Object.entries(isObject(doc.services) ? doc.services : {})) {
    if (isObject(service)) powers.push(...servicePowers(field, `service ${name}`, service));
  }
  for (const [name, volume] of Object.entries(isObject(doc.volumes) ? doc.volumes : {})) {
    const device =
      isObject(volume) && isObject(volume.driver_opts) ? volume.driver_opts.device : undefined;
    if (typeof device === 'string') powers.push(...hostPath(`volume ${name}`, device));
  }
  for (const section of ['configs', 'secrets']) {
    const entries = isObject(doc[section]) ? (doc[section] as Yaml) : {};
    for (const [name, entry] of Object.entries(entries)) {
      if (isObject(entry) && typeof entry.file === 'string')
        powers.push(...hostPath(`${section} ${name}`, entry.file));
      powers.push(...environmentSourcePowers(field, `${section} ${name}`, entry));
    }
  }
  return powers;
}

function servicePowers(field: string, where: string, service: Yaml): HostPower[] {
  const powers: HostPower[] = [];
  const hostPath = hostPathIn(field);
  const flag = (power: HostPowerKind, detail: string) =>
    powers.push({ power, field, detail: `${where}: ${detail}` });
  if (service.privileged === true || typeof service.privileged === 'string')
    flag('privileged', `privileged: ${String(service.privileged)}`);
  for (const cap of list(service.cap_add)) flag('capabilities', `cap_add ${String(cap)}`);
  for (const device of list(service.devices)) flag('devices', `devices ${describe(device)}`);
  for (const rule of list(service.device_cgroup_rules))
    flag('devices', `device_cgroup_rules ${String(rule)}`);
  for (const option of list(service.security_opt)) {
    if (!/^no-new-privileges(?:[:=]true)?$/.test(String(option)))
      flag('security_options', `security_opt ${String(option)}`);
  }
  for (const [key, label] of HOST_MODES) {
    const value = service[key];
    if (typeof value === 'string' && (value === 'host' || value.includes('$')))
      flag('host_namespaces', `uses the host's ${label} (${key}: ${value})`);
  }
  for (const volume of list(service.volumes)) powers.push(...volumePowers(hostPath, where, volume));
  powers.push(...buildSectionPowers(field, where, service.build, hostPath));
  for (const key of PATH_KEYS) {
    for (const entry of list(service[key])) {
      const path = isObject(entry) ? (entry.path ?? entry.file) : entry;
      if (typeof path === 'string') powers.push(...hostPath(`${where}: ${key}`, path));
    }
  }
  return powers;
}

function volumePowers(hostPath: HostPathCheck, where: string, volume: unknown): HostPower[] {
  if (isObject(volume)) {
    if (volume.type === 'bind' && typeof volume.source === 'string')
      return hostPath(where, volume.source);
    return [];
  }
  if (typeof volume !== 'string') return [];
  const parts = volume.split(':');
  // `/data` alone is an anonymous volume; `name:/data` a named one.
  if (parts.length < 2) return [];
  const source = parts[0];
  if (/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source)) return [];
  return hostPath(where, source);
}

/** A path on the host: inside the stack's folder (relative, not climbing out) is its own. */
const hostPathIn =
  (field: string): HostPathCheck =>
  (where, path) => {
    if (!path.startsWith('/') && !path.startsWith('~') && !path.includes('$') && staysInside(path))
      return [];
    return bindPowers(field, path, where);
  };

const describe = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
