import type { DeploymentConfig, TerminationSignal } from './deployment.config';
import { DomainError } from '../shared/domain-error';
import type { Interpolated } from '../variables/interpolate';
import { collectCommand } from './command';
import { collectContainerName } from './container-name';
import { collectEnvironment } from './environment';
import { collectExtraArgs, type ContainerExtras, type Healthcheck } from './extra-args';
import { networkErrors } from './joined-containers';
import { orThrow, type FieldResult, type DeploymentFieldError } from './errors';
import { collectLabels, DEPLOYMENT_LABEL } from './labels';
import { collectPorts, type PortSpec } from './ports';
import { collectRestartPolicy, type RestartPolicy } from './restart';
import { networkMode, terminationErrors } from './scalars';
import { collectVolumes } from './volumes';

/** Everything the Engine API's container create needs, in Monitor's words. */
export interface ContainerSpec {
  name: string;
  image: string;
  /** Absent: the image's own CMD. */
  cmd?: string[];
  env: string[];
  exposedPorts: PortSpec['exposedPorts'];
  portBindings: PortSpec['portBindings'];
  binds: string[];
  labels: Record<string, string>;
  networkMode: string;
  restartPolicy: RestartPolicy;
  stopSignal: TerminationSignal;
  stopTimeout: number;
  /** From `--health-*` in `extra_args`; absent keeps the image's own. */
  healthcheck?: Healthcheck;
  /** What the other `extra_args` translate to; absent when there are none. */
  extras?: Omit<ContainerExtras, 'health'>;
}

export interface ContainerSpecOptions {
  /** The Deployment's id: the `monitor.deployment` label that finds its container again. */
  id: string;
  /** The Deployment's name: the container's name (made acceptable) unless custom_name is set. */
  name: string;
  /** The image to run, resolved by the caller (a Build's image needs its registry and version). */
  image: string;
  /** `[[VARIABLE]]` interpolation; throws naming an unknown variable. */
  interpolate: (text: string) => Interpolated;
}

export interface BuiltContainerSpec {
  spec: ContainerSpec;
  /** The secret values interpolated: whatever shows the spec or its logs must mask them. */
  secrets: string[];
}

// The Redactor's threshold (libs/secrets): shorter values are not masked anywhere.
const MIN_SECRET_LENGTH = 4;
const MASK = '*****';

function mask(value: unknown, secrets: string[]): unknown {
  if (typeof value === 'string')
    return secrets.reduce((text, s) => text.split(s).join(MASK), value);
  if (Array.isArray(value)) return value.map((v) => mask(v, secrets));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v, secrets)]));
  }
  return value;
}

/** An error quoting an interpolated line must not carry the secret it held. */
function redacted(error: unknown, secrets: Set<string>): unknown {
  const known = [...secrets]
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  if (!(error instanceof DomainError) || known.length === 0) return error;
  return new DomainError(
    error.code,
    mask(error.message, known) as string,
    mask(error.details, known),
  );
}

/**
 * The container a Deployment runs, as Komodo's `docker run` would make it: `[[VARIABLES]]`
 * interpolated (unless `skip_secret_interp`, as in Komodo) in environment, ports, volumes, labels
 * and command, line by line after comments are cut, then every field parsed. All problems come
 * back in one 400; messages never carry a secret value. `extra_args` (`docker run` flags) are
 * translated to the Engine API fields they set.
 */
export function buildContainerSpec(
  config: DeploymentConfig,
  options: ContainerSpecOptions,
): BuiltContainerSpec {
  const secrets = new Set<string>();
  const expand = config.skip_secret_interp
    ? undefined
    : (text: string) => {
        const result = options.interpolate(text);
        for (const s of result.secrets) secrets.add(s);
        return result.text;
      };
  try {
    const errors: DeploymentFieldError[] = [];
    const take = <T>(collected: FieldResult<T>): T => {
      errors.push(...collected.errors);
      return collected.value;
    };
    const name = take(collectContainerName(config.custom_name, options.name));
    const env = take(collectEnvironment(config.environment, 'environment', { expand }));
    const ports = take(collectPorts(config.ports, 'ports', { expand }));
    const binds = take(collectVolumes(config.volumes, 'volumes', { expand }));
    const labels = take(collectLabels(config.labels, 'labels', { expand }));
    const command = expand && config.command.trim() ? expand(config.command) : config.command;
    const cmd = take(collectCommand(command));
    const restartPolicy = take(collectRestartPolicy(config.restart));
    const args = config.extra_args.filter((a) => a.trim());
    const extras = args.length
      ? take(collectExtraArgs(expand ? args.map(expand) : args))
      : undefined;
    errors.push(...terminationErrors(config), ...networkErrors(config));
    if (!options.image.trim())
      errors.push({ field: 'image', message: 'image: the deployment has no image' });
    orThrow({ value: undefined, errors });
    const spec: ContainerSpec = {
      name,
      image: options.image.trim(),
      ...(cmd.length ? { cmd } : {}),
      env,
      exposedPorts: ports.exposedPorts,
      portBindings: ports.portBindings,
      binds,
      labels: { ...labels, [DEPLOYMENT_LABEL]: options.id },
      networkMode: networkMode(config.network),
      restartPolicy: restartPolicy as RestartPolicy,
      stopSignal: config.termination_signal,
      stopTimeout: config.termination_timeout,
      ...(extras?.health ? { healthcheck: extras.health } : {}),
      ...(extras ? { extras: { host: extras.host, config: extras.config } } : {}),
    };
    return { spec, secrets: [...secrets] };
  } catch (error) {
    throw redacted(error, secrets);
  }
}
