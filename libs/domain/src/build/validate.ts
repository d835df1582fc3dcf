import type { DeploymentFieldError as FieldError, FieldResult } from '../deployment/errors';
import { collectLabels } from '../deployment/labels';
import { staysInside } from '../host-access/host-paths';
import { isGitProvider } from '../shared/runtime-syntax';
import { collectBuildArgs, collectSecretArgs } from './build-args';
import type { BuildConfig } from './build.config';
import { collectBuildExtraArgs } from './build-extra-args';
import { repositoryName } from './image-tags';
import { versionProblem } from './version';

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
/** A repository path without registry or tag (`app`, `team/app`): what Docker accepts. */
const REPOSITORY = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
/**
 * Docker's tag rule, shortened so that the longest tag made from it (`latest-<tag>`, or a
 * version of three i32s and `-<tag>`) stays within Docker's 128 characters.
 */
const IMAGE_TAG = /^\w[\w.-]{0,89}$/;

const lenient = { lenientReferences: true };

/** Absolute, home-relative or climbing out: not a path inside the checkout. */
const leaves = (path: string) => /^[/~\\]/.test(path) || !staysInside(path);

/**
 * Every problem in a Build's config as written, before anything is built: the fields a build
 * hands to Docker, parsed as the build will. Fields absent from a partial config (an update)
 * are not checked; with `resourceName`, an empty `image_name` where the name gives no image name
 * is reported too.
 */
export function validateBuildConfig(
  config: Partial<BuildConfig>,
  resourceName?: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) =>
    errors.push({ field, message: `${field}: ${message}` });
  const take = (collected: FieldResult<unknown>) => errors.push(...collected.errors);

  if (config.version !== undefined) {
    const problem = versionProblem(config.version);
    if (problem) add('version', problem);
  }
  const imageName = config.image_name ?? '';
  if (imageName && (imageName.length > 255 || !REPOSITORY.test(imageName)))
    add(
      'image_name',
      `'${imageName}' is not an image name (lowercase letters, digits and '._-', parts joined by '/')`,
    );
  if (config.image_name === '' && resourceName !== undefined && !repositoryName(resourceName))
    add('image_name', `the build's name '${resourceName}' gives no image name: set image_name`);
  const tag = config.image_tag ?? '';
  if (tag && !IMAGE_TAG.test(tag))
    add(
      'image_tag',
      `'${tag}' is not an image tag (letters, digits, '_', '.', '-', up to 90, not starting with '.' or '-')`,
    );
  for (const [i, registry] of (config.image_registry ?? []).entries()) {
    const domain = registry.domain.trim();
    if (domain && !isGitProvider(domain))
      add(
        `image_registry.${i}.domain`,
        `'${registry.domain}' is not a registry host (e.g. ghcr.io, 127.0.0.1:5000)`,
      );
    const namespace = (registry.organization.trim() || registry.account.trim()).toLowerCase();
    if (domain && namespace && !new RegExp(`^${COMPONENT}$`).test(namespace))
      add(`image_registry.${i}.organization`, `'${namespace}' cannot be part of an image name`);
  }
  for (const field of ['build_path', 'dockerfile_path'] as const) {
    const path = config[field];
    if (path !== undefined && leaves(path)) add(field, `'${path}' leads outside the repository`);
  }
  if (config.build_path !== undefined || config.dockerfile_path !== undefined) {
    // Empty is the default, as Komodo and the build read it ('.', 'Dockerfile').
    const buildPath = config.build_path || '.';
    const joined = `${buildPath}/${config.dockerfile_path || 'Dockerfile'}`;
    if (!leaves(buildPath) && leaves(joined))
      add('dockerfile_path', `'${joined}' leads outside the repository`);
  }
  if (config.pre_build?.path !== undefined && leaves(config.pre_build.path))
    add('pre_build.path', `'${config.pre_build.path}' leads outside the repository`);
  if (config.build_args !== undefined)
    take(collectBuildArgs(config.build_args, 'build_args', lenient));
  // A secret field arrives here sealed once stored: its syntax is checked before (the config DTO).
  if (typeof config.secret_args === 'string')
    take(collectSecretArgs(config.secret_args, 'secret_args', lenient));
  if (config.labels !== undefined) take(collectLabels(config.labels, 'labels', lenient));
  // A reference may stand for a flag's value: such args are checked when the build runs.
  if (config.extra_args !== undefined && !config.extra_args.some((a) => a.includes('[[')))
    take(collectBuildExtraArgs(config.extra_args));
  return errors;
}
