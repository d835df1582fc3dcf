import type { ContainerSpecDto } from './deploy-container.dto';
import type { ContainerCreateOptions } from './engine/containers';
import { displayArg } from '../compose/command-log';

/** The Engine's create body for a Deployment's container. */
export function createOptions(
  name: string,
  image: string,
  spec: ContainerSpecDto,
): ContainerCreateOptions {
  return {
    // The spec's own fields come after: extra_args cannot override them.
    ...spec.extras?.config,
    name,
    Image: image,
    ...(spec.cmd ? { Cmd: spec.cmd } : {}),
    Env: spec.env,
    // The engine ignores a binding whose port is not exposed (the CLI exposes `-p` ports
    // itself): every bound port is exposed too, or the binding would silently do nothing.
    ExposedPorts: {
      ...spec.exposedPorts,
      ...Object.fromEntries(Object.keys(spec.portBindings).map((port) => [port, {}])),
    },
    Labels: spec.labels,
    ...(spec.stopSignal ? { StopSignal: spec.stopSignal } : {}),
    ...(spec.stopTimeout !== undefined ? { StopTimeout: spec.stopTimeout } : {}),
    ...(spec.healthcheck ? { Healthcheck: { ...spec.healthcheck } } : {}),
    HostConfig: {
      ...spec.extras?.host,
      Binds: spec.binds,
      PortBindings: spec.portBindings,
      NetworkMode: spec.networkMode,
      RestartPolicy: {
        Name: spec.restartPolicy.Name,
        MaximumRetryCount: spec.restartPolicy.MaximumRetryCount,
      },
    },
  };
}

/**
 * The `docker create` a user would type for the same container, shown as the Log's command.
 * Environment values are left out (`KEY=***`): they are often secrets, and the Log is stored
 * in the Update for anyone who can read the Deployment.
 */
export function describeCreate(name: string, image: string, spec: ContainerSpecDto): string {
  const parts = ['docker create', `--name ${name}`, `--network ${spec.networkMode}`];
  const restart = spec.restartPolicy;
  if (restart.Name && restart.Name !== 'no') {
    const retries = restart.Name === 'on-failure' && restart.MaximumRetryCount;
    parts.push(`--restart ${restart.Name}${retries ? `:${retries}` : ''}`);
  }
  for (const [port, bindings] of Object.entries(spec.portBindings)) {
    for (const binding of bindings.length ? bindings : [{}])
      parts.push(`-p ${publish(port, binding)}`);
  }
  for (const port of Object.keys(spec.exposedPorts)) parts.push(`--expose ${port}`);
  for (const bind of spec.binds) parts.push(`-v ${bind}`);
  for (const line of spec.env) parts.push(`--env ${line.split('=')[0]}=***`);
  for (const [key, value] of Object.entries(spec.labels)) parts.push(`--label ${key}=${value}`);
  if (spec.stopSignal) parts.push(`--stop-signal ${spec.stopSignal}`);
  if (spec.stopTimeout !== undefined) parts.push(`--stop-timeout ${spec.stopTimeout}`);
  if (spec.healthcheck) parts.push(`--health-cmd ${JSON.stringify(spec.healthcheck.Test)}`);
  const extras = { ...spec.extras?.config, ...spec.extras?.host };
  for (const [field, value] of Object.entries(extras))
    parts.push(`--${field}=${JSON.stringify(value)}`);
  parts.push(image, ...(spec.cmd ?? []).map(displayArg));
  return parts.join(' ');
}

/** `-p`'s syntax: `ip:hostPort:port`, `ip::port`, `hostPort:port` or `port`. */
function publish(
  port: string,
  { HostIp, HostPort }: { HostIp?: string; HostPort?: string },
): string {
  if (HostIp) return `${HostIp}:${HostPort ?? ''}:${port}`;
  return HostPort ? `${HostPort}:${port}` : port;
}
