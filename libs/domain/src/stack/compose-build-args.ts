import { collectCommand } from '../deployment/command';
import { fieldError, type DeploymentFieldError, type FieldResult } from '../deployment/errors';
import { walkFlags, type FlagRule, type FlagTable } from '../shared/flag-words';

/** `--progress`'s values in compose v1 and v2. */
const PROGRESS = ['auto', 'plain', 'tty', 'quiet'];
/** A build arg given its value: without `=`, compose would hand the agent's own env var in. */
const BUILD_ARG = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** A flag that stands alone: `--pull=x` would be compose's error, found here instead. */
const alone: FlagRule<null> = {
  alone: true,
  apply: (_, __, explicit) => (explicit ? 'takes no value' : undefined),
};
const valued = (check: (value: string) => string | undefined): FlagRule<null> => ({
  apply: (_, value) => check(value),
});

/**
 * The `compose build` flags a Stack's `build_extra_args` may hold, in v1 and v2 alike, each
 * with whether it takes a value and what that value must be. Left out on purpose: `--ssh`
 * (the host's SSH agent or keys), `--push` (to registries as the agent's Docker login),
 * `--builder` (another builder's reach), `--memory` and the like (the host's resources).
 */
const COMPOSE_BUILD: FlagTable<null> = {
  flags: {
    '--no-cache': alone,
    '--pull': alone,
    '--quiet': alone,
    '-q': alone,
    '--build-arg': valued((value) => (BUILD_ARG.test(value) ? undefined : 'must be KEY=VALUE')),
    '--progress': valued((value) =>
      PROGRESS.includes(value) ? undefined : `must be one of ${PROGRESS.join(', ')}`,
    ),
  },
  unknown: (flag, known) => `'${flag}' is not a compose build flag Monitor takes (${known})`,
};

/**
 * Komodo's `build_extra_args` of a Stack, `compose build` flags: each entry split into words as
 * a shell would (`"--build-arg A=1"` is two), every flag from a closed list, any other refused
 * by name. The words are what the agent passes to compose, as arguments, never through a shell.
 */
export function collectComposeBuildArgs(
  args: readonly string[],
  field = 'build_extra_args',
): FieldResult<string[]> {
  const split = collectCommand(args.join(' '), field);
  if (split.errors.length) return split;
  return { value: split.value, errors: composeBuildWordErrors(split.value, field) };
}

/** The problems of `compose build` flags already split into words (values may hold spaces). */
export function composeBuildWordErrors(
  words: readonly string[],
  field = 'build_extra_args',
): DeploymentFieldError[] {
  return walkFlags(words, COMPOSE_BUILD, null).map((reason) => fieldError(field, reason));
}

/** The problems of a Stack's config as written: its `build_extra_args` (references skipped). */
export function validateStackConfig(config: {
  build_extra_args?: unknown;
}): { field: string; message: string }[] {
  const args = config.build_extra_args;
  // A `[[VARIABLE]]` may stand for a value: such args are checked by the agent at the deploy.
  if (!Array.isArray(args) || args.some((a) => String(a).includes('[['))) return [];
  return collectComposeBuildArgs(args.map(String)).errors;
}
