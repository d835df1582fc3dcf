import { collectCommand } from '../deployment/command';
import { fieldError, type DeploymentFieldError, type FieldResult } from '../deployment/errors';

/** `--progress`'s values in compose v1 and v2. */
const PROGRESS = ['auto', 'plain', 'tty', 'quiet'];
/** A build arg given its value: without `=`, compose would hand the agent's own env var in. */
const BUILD_ARG = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * The `compose build` flags a Stack's `build_extra_args` may hold, in v1 and v2 alike, each
 * with whether it takes a value and what that value must be. Left out on purpose: `--ssh`
 * (the host's SSH agent or keys), `--push` (to registries as the agent's Docker login),
 * `--builder` (another builder's reach), `--memory` and the like (the host's resources).
 */
const FLAGS: Record<string, ((value: string) => string | undefined) | null> = {
  '--no-cache': null,
  '--pull': null,
  '--quiet': null,
  '-q': null,
  '--build-arg': (value) => (BUILD_ARG.test(value) ? undefined : 'must be KEY=VALUE'),
  '--progress': (value) =>
    PROGRESS.includes(value) ? undefined : `must be one of ${PROGRESS.join(', ')}`,
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
  const errors: DeploymentFieldError[] = [];
  for (let i = 0; i < words.length; i++) {
    const at = words[i].startsWith('--') ? words[i].indexOf('=') : -1;
    const flag = at > 0 ? words[i].slice(0, at) : words[i];
    if (!Object.hasOwn(FLAGS, flag)) {
      // Its value (a word that is no flag) is not named again as a flag of its own.
      if (at < 0 && !words[i + 1]?.startsWith('-')) i++;
      const known = Object.keys(FLAGS).join(', ');
      errors.push(
        fieldError(field, `'${flag}' is not a compose build flag Monitor takes (${known})`),
      );
      continue;
    }
    const check = FLAGS[flag];
    if (!check) {
      if (at > 0) errors.push(fieldError(field, `${flag} takes no value`));
      continue;
    }
    const value = at > 0 ? words[i].slice(at + 1) : words[++i];
    const problem = value === undefined ? 'needs a value' : check(value);
    if (problem) errors.push(fieldError(field, `${flag} ${problem}`));
  }
  return errors;
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
