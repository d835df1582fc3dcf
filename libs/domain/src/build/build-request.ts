import type { DeploymentFieldError as FieldError } from '../deployment/errors';
import { collectLabels } from '../deployment/labels';
import type { Version } from '../resources/configs/common';
import { invalid } from '../shared/domain-error';
import {
  collectBuildArgs,
  collectSecretArgs,
  withVersionArg,
  type BuildSecret,
} from './build-args';
import type { BuildConfig } from './build.config';
import { formatVersion } from './version';

/** The folder of a Build's own checkout under the agent's `<root>/repos`: by id, never shared. */
export const buildDirectory = (build: { id: string }) => `build-${build.id}`;

/** Komodo's `[[$VERSION]]`: the version being built, filled before the variables. */
export const withVersionVariable = (text: string, version: Version) =>
  text.replaceAll('[[$VERSION]]', formatVersion(version));

/**
 * Why a Build has nothing to build from, before anything runs: it needs files on the host, a
 * repository (its own or its linked Repo's) or dockerfile contents. `linkedRepo` is the linked
 * Repo's repository.
 */
export function buildSourceProblem(
  config: Pick<BuildConfig, 'files_on_host' | 'repo' | 'linked_repo' | 'dockerfile'>,
  linkedRepo?: string,
): { field: string; message: string } | undefined {
  const fromGit = Boolean((config.linked_repo ? (linkedRepo ?? '') : config.repo).trim());
  if (config.files_on_host || fromGit || config.dockerfile.trim()) return undefined;
  return {
    field: 'repo',
    message: 'set a repository, a linked_repo, the dockerfile contents or files_on_host',
  };
}

/** The args of one build, parsed from the fields as filled in for it. */
export interface BuildArgs {
  build_args: Record<string, string>;
  secret_args: BuildSecret[];
  labels: Record<string, string>;
}

type Filled = Pick<BuildConfig, 'build_args' | 'secret_args' | 'labels'>;

/**
 * The build args (with Komodo's VERSION), secret args and labels of a build of `version`, from
 * the fields once `[[VARIABLES]]` are filled in; any problem is a 400 naming the field and line.
 * A secret line's problem names its line only: the line may hold a secret.
 */
export function buildArgs(filled: Filled, version: Version): BuildArgs {
  const args = collectBuildArgs(filled.build_args);
  const secrets = collectSecretArgs(filled.secret_args);
  const labels = collectLabels(filled.labels);
  const secretErrors: FieldError[] = secrets.errors.map((e) => ({
    field: e.field,
    line: e.line,
    message: `${e.field}${e.line ? ` line ${e.line}` : ''}: not a secret arg ('ID=value', the id letters, digits, '_', '.' or '-')`,
  }));
  const errors = [...args.errors, ...secretErrors, ...labels.errors];
  if (errors.length) throw invalid(errors.map((e) => e.message).join('; '), { errors });
  return {
    build_args: withVersionArg(args.value, version),
    secret_args: secrets.value,
    labels: labels.value,
  };
}
