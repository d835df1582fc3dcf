import * as v from 'valibot';
import { isEnvName, isSecretId, reservedLabelPrefix } from '@monitor/domain/agent';
import { byRule } from '../api/params';
import { problemWithRelativePath, RelativePath } from '../compose/stack-paths';
import { ImageReference } from '../docker/engine-validators';
import { RegistryAuthDto } from '../docker/pull-image.dto';

/** Empty (or `.`) is the default: the checkout itself, or `Dockerfile`. */
const OptionalPath = v.optional(
  byRule<string>((value) =>
    value === '' || value === '.' ? undefined : problemWithRelativePath(value),
  ),
);

const keyedBy = (valid: (key: string) => string | undefined) =>
  byRule<Record<string, string>>((value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return 'must be an object of strings';
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'string') return `${key} must be a string`;
      const problem = valid(key);
      if (problem) return problem;
    }
    return undefined;
  });

const BuildId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,128}$/, "must be a Build's id"));

/** What the core sends to build: checked here too, since the agent has the last word. */
export const BuildImageDto = v.strictObject({
  id: v.optional(BuildId),
  directory: RelativePath,
  build_path: OptionalPath,
  dockerfile_path: OptionalPath,
  dockerfile: v.optional(v.pipe(v.string(), v.maxLength(512 * 1024))),
  pre_build: v.optional(
    v.strictObject({
      path: OptionalPath,
      command: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(64 * 1024)),
    }),
  ),
  build_args: v.optional(
    keyedBy((key) => (isEnvName(key) ? undefined : `'${key}' is not a build arg name`)),
  ),
  secret_args: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          id: v.pipe(
            v.string(),
            v.check(isSecretId, "must be letters, digits, '_', '.' or '-' (up to 128)"),
          ),
          value: v.string(),
        }),
      ),
      v.maxLength(64),
    ),
  ),
  labels: v.optional(
    keyedBy((key) =>
      !key || /\s/.test(key)
        ? `'${key}' is not a label key`
        : reservedLabelPrefix(key)
          ? `'${key}' is reserved for Monitor and compose`
          : undefined,
    ),
  ),
  extra_args: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(1024))), v.maxLength(64))),
  tags: v.pipe(
    v.array(
      v.pipe(
        ImageReference,
        v.check((tag) => !tag.includes('@'), 'must be name:tag, not a digest'),
      ),
    ),
    v.maxLength(64),
  ),
  registries: v.optional(v.pipe(v.array(RegistryAuthDto), v.maxLength(16))),
});
export type BuildImageDto = v.InferOutput<typeof BuildImageDto>;

export const CancelBuildDto = v.strictObject({ id: BuildId });
