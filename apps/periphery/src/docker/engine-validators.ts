import { isImageReference } from '@monitor/domain/agent';
import { byRule } from '../api/params';
import { isPossibleContainerName } from './container-name';

/**
 * Schemas of the Engine API values a request carries. Each message names the
 * field and, for maps, the offending key, so the 400 says what to fix. Values are never echoed:
 * a bad field may hold a secret.
 */

/** `80`, `80/tcp`, `53/udp`: the keys of ExposedPorts and PortBindings. */
const PORT_KEY = /^\d{1,5}(\/(tcp|udp|sctp))?$/;
/** `8080`, `8000-8010`, or empty (Docker picks one). */
const HOST_PORT = /^(\d{1,5}(-\d{1,5})?)?$/;
/** `SIGTERM`, `TERM`, `SIGRTMIN+3`, `15`: the forms Docker accepts for a signal. */
const SIGNAL = /^(SIG)?[A-Z][A-Z0-9+-]{0,15}$|^\d{1,2}$/;

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const ContainerName = byRule<string>((value) =>
  typeof value === 'string' && isPossibleContainerName(value)
    ? undefined
    : "must be a container name: a letter or digit, then letters, digits, '_', '.' or '-'",
);

export const ImageReference = byRule<string>((value) =>
  typeof value === 'string' && isImageReference(value)
    ? undefined
    : 'must be an image reference such as "registry.example.com/app:1.2" (no spaces)',
);

export const Signal = byRule<string>((value) =>
  typeof value === 'string' && SIGNAL.test(value)
    ? undefined
    : 'must be a signal such as "SIGTERM", "SIGINT" or "15"',
);

/** Labels: `{ "key": "value" }`. */
export const StringRecord = byRule<Record<string, string>>((value) => {
  if (!isPlainObject(value)) return 'must be an object of strings';
  const bad = Object.keys(value).find((k) => !k || typeof value[k] !== 'string');
  return bad === undefined ? undefined : `[${JSON.stringify(bad)}] must be a string`;
});

/** ExposedPorts: `{ "80/tcp": {} }`, as the Engine API spells a set. */
export const ExposedPorts = byRule<Record<string, Record<string, never>>>((value) => {
  if (!isPlainObject(value)) return 'must be an object such as { "80/tcp": {} }';
  const bad = Object.keys(value).find(
    (k) => !PORT_KEY.test(k) || !isPlainObject(value[k]) || Object.keys(value[k]).length,
  );
  return bad === undefined
    ? undefined
    : `[${JSON.stringify(bad)}]: keys are "port/protocol", values {}`;
});

/** PortBindings: `{ "80/tcp": [{ "HostIp": "127.0.0.1", "HostPort": "8080" }] }`. */
export const PortBindings = byRule<Record<string, { HostIp?: string; HostPort?: string }[]>>(
  (value) => {
    if (!isPlainObject(value)) {
      return 'must be an object such as { "80/tcp": [{ "HostIp": "127.0.0.1", "HostPort": "8080" }] }';
    }
    for (const [key, bindings] of Object.entries(value)) {
      if (!PORT_KEY.test(key)) return `[${JSON.stringify(key)}]: the key must be "port/protocol"`;
      if (!Array.isArray(bindings) || !bindings.every(isHostBinding)) {
        return `[${JSON.stringify(key)}] must be a list of { HostIp?, HostPort? } (strings)`;
      }
    }
    return undefined;
  },
);

function isHostBinding(binding: unknown): boolean {
  if (!isPlainObject(binding)) return false;
  const { HostIp, HostPort, ...rest } = binding;
  return (
    !Object.keys(rest).length &&
    (HostIp === undefined || typeof HostIp === 'string') &&
    (HostPort === undefined || (typeof HostPort === 'string' && HOST_PORT.test(HostPort)))
  );
}
