import type { DeploymentConfig } from './deployment.config';
import { isContainerName } from './container-name';
import { fieldError, type DeploymentFieldError } from './errors';

/** Docker's network mode that shares another container's network stack. */
const CONTAINER_MODE = 'container:';

type NetworkConfig = Partial<Pick<DeploymentConfig, 'network'>>;

/**
 * The containers a Deployment's config joins: `network: container:<name>` (the only way in:
 * `extra_args` may not set `--network`, `--pid` or `--ipc`). Joining a container reaches into
 * it, so the name must be a Deployment's on the same server, and the caller must be allowed to
 * write that Deployment.
 */
export function joinedContainers(config: NetworkConfig): string[] {
  const network = (config.network ?? '').trim();
  if (!network.toLowerCase().startsWith(CONTAINER_MODE)) return [];
  return [network.slice(CONTAINER_MODE.length).trim()];
}

/** A `container:` network must name a container (an id would hide whose it is). */
export function networkErrors(config: NetworkConfig): DeploymentFieldError[] {
  return joinedContainers(config)
    .filter((name) => !isContainerName(name))
    .map((name) =>
      fieldError(
        'network',
        `'${name}' is not a container name: container:<name> joins the container of another Deployment on the same server, by its name`,
      ),
    );
}
