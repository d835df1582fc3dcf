import { collectExtraArgs } from '../deployment/extra-args';
import { parseVolume } from '../deployment/volumes';
import { parseListLines } from '../deployment/multiline';
import type { DeploymentConfig } from '../deployment/deployment.config';
import { bindPowers } from './bind-powers';
import type { HostPower } from './host-powers';

type Config = Partial<Pick<DeploymentConfig, 'volumes' | 'network' | 'extra_args'>>;

/** `no-new-privileges` only takes rights away; every other security option can add some. */
const HARMLESS_SECURITY_OPTION = /^no-new-privileges(?:[:=]true)?$/;

/** What a Deployment's config asks of its host: binds, host network, and docker run flags. */
export function deploymentPowers(config: Config): HostPower[] {
  const powers: HostPower[] = [];
  for (const { value } of parseListLines(config.volumes ?? '', 'volumes')) {
    const source = sourceOf(value);
    if (source !== undefined) powers.push(...bindPowers('volumes', source));
  }
  if ((config.network ?? '').trim().toLowerCase() === 'host') {
    powers.push({ power: 'host_namespaces', field: 'network', detail: "uses the host's network" });
  }
  const { value: extras } = collectExtraArgs(config.extra_args ?? []);
  const host = extras?.host ?? {};
  if (host.Privileged === true)
    powers.push({ power: 'privileged', field: 'extra_args', detail: '--privileged' });
  for (const cap of (host.CapAdd as string[] | undefined) ?? [])
    powers.push({ power: 'capabilities', field: 'extra_args', detail: `--cap-add ${cap}` });
  for (const device of (host.Devices as { PathOnHost: string }[] | undefined) ?? [])
    powers.push({ power: 'devices', field: 'extra_args', detail: `--device ${device.PathOnHost}` });
  for (const option of (host.SecurityOpt as string[] | undefined) ?? []) {
    if (!HARMLESS_SECURITY_OPTION.test(option))
      powers.push({
        power: 'security_options',
        field: 'extra_args',
        detail: `--security-opt ${option}`,
      });
  }
  return powers;
}

/** The host side of a volume line, when it is a host path rather than a named volume. */
function sourceOf(line: string): string | undefined {
  let source: string;
  try {
    source = parseVolume(line).source;
  } catch {
    // Not a valid volume (refused by validation) or one holding a [[VARIABLE]]: its host side.
    source = line.split(/[:=]/)[0].trim();
  }
  if (source.startsWith('/') || /\[\[|\$/.test(source)) return source;
  return undefined;
}
