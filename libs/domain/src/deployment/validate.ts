import type { DeploymentConfig } from './deployment.config';
import { collectCommand } from './command';
import { collectContainerName } from './container-name';
import { collectEnvironment } from './environment';
import { collectExtraArgs } from './extra-args';
import type { FieldResult, DeploymentFieldError } from './errors';
import { networkErrors } from './joined-containers';
import { collectLabels } from './labels';
import { collectPorts } from './ports';
import { collectRestartPolicy } from './restart';
import { terminationErrors } from './scalars';
import { collectVolumes } from './volumes';

const lenient = { lenientReferences: true };

/**
 * Every problem in a Deployment's config as written, before anything is deployed: the parsers
 * of `buildContainerSpec` run on the raw text. A `[[VARIABLE]]` cannot be resolved here (it may
 * change before the deploy), so a line holding one is judged by what surrounds it: `[[PORT]]:80`
 * checks `80`, `[[PREFIX]]_HOST=x` checks the key's shape, a line that is only references passes.
 * Fields absent from a partial config (an update) are not checked. With `resourceName`, a name
 * that leaves no valid default container name is reported too. An empty list: all is well.
 */
export function validateDeploymentConfig(
  config: Partial<DeploymentConfig>,
  resourceName?: string,
): DeploymentFieldError[] {
  const errors: DeploymentFieldError[] = [];
  const add = (collected: FieldResult<unknown>) => errors.push(...collected.errors);
  const custom = config.custom_name ?? '';
  if (custom.trim() || resourceName !== undefined)
    add(collectContainerName(custom, resourceName ?? ''));
  if (config.environment !== undefined)
    add(collectEnvironment(config.environment, 'environment', lenient));
  if (config.ports !== undefined) add(collectPorts(config.ports, 'ports', lenient));
  if (config.volumes !== undefined) add(collectVolumes(config.volumes, 'volumes', lenient));
  if (config.labels !== undefined) add(collectLabels(config.labels, 'labels', lenient));
  // References hold no quote or space, so the raw command splits as its expansion will.
  if (config.command !== undefined) add(collectCommand(config.command));
  if (config.restart !== undefined) add(collectRestartPolicy(config.restart));
  // A reference may stand for a flag's value: such args are checked at the deploy.
  if (config.extra_args !== undefined && !config.extra_args.some((a) => a.includes('[[')))
    add(collectExtraArgs(config.extra_args));
  errors.push(...terminationErrors(config), ...networkErrors(config));
  return errors;
}
