import * as v from 'valibot';
import { composeBuildWordErrors } from '@monitor/domain/agent';
import { LOG_SEARCH } from '../docker/log-search.dto';
import { RegistryAuthDto } from '../docker/pull-image.dto';
import { ProjectName, RelativePath, RelativePaths, StackName } from './stack-paths';

export const COMPOSE_COMMANDS = ['auto', 'docker compose', 'docker-compose'] as const;
/** The compose subcommands a wrapper may wrap (Komodo's, without Swarm's). */
export const WRAPPABLE: string[] = ['config', 'build', 'pull', 'up', 'run'];
export type ComposeCommandChoice = (typeof COMPOSE_COMMANDS)[number];

/** A service name as compose allows it; checked so it can never look like an option. */
export const SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const SERVICE_NAMES = v.array(
  v.pipe(
    v.string(),
    v.regex(SERVICE_NAME, "must be a service name (letters, digits, '_', '.', '-')"),
  ),
);

/** A day: longer is a mistake, not a grace period. */
export const MAX_STOP_TIMEOUT = 86_400;

/** Seconds compose waits for a container to stop before it kills it (`--timeout`). */
const STOP_TIMEOUT = v.optional(
  v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_STOP_TIMEOUT)),
);

export const StackFileDto = v.strictObject({
  path: RelativePath,
  contents: v.pipe(v.string(), v.maxLength(512 * 1024)),
});
export type StackFileDto = v.InferOutput<typeof StackFileDto>;

export const WriteComposeFilesDto = v.strictObject({
  stack: StackName,
  /** Empty when the compose files come from git and only the env file is written. */
  files: v.pipe(v.array(StackFileDto), v.maxLength(32)),
  env: v.optional(StackFileDto),
});

/**
 * What every compose command names: the stack's directory, the directory inside it where
 * compose runs, the project and its files (relative to the run directory).
 */
const COMPOSE_TARGET = {
  stack: StackName,
  run_directory: v.optional(RelativePath),
  project: ProjectName,
  files: v.pipe(RelativePaths, v.minLength(1), v.maxLength(32)),
  env_file: v.optional(RelativePath),
  /** Komodo's `additional_env_files`, after `env_file`: a later file's value wins. */
  env_files: v.optional(v.pipe(RelativePaths, v.maxLength(32))),
  /** Which compose program; the agent's choice ('auto') unless the core insists. */
  compose_command: v.optional(v.picklist(COMPOSE_COMMANDS)),
  /**
   * Komodo's `compose_cmd_wrapper`: a shell command with `[[COMPOSE_COMMAND]]` where the compose
   * command goes (`op run -- [[COMPOSE_COMMAND]]`), for the subcommands in `wrap` (`up` alone
   * when not given). The stack's owner writes it, as they write pre_deploy.
   */
  wrapper: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(4096),
      v.regex(/\[\[COMPOSE_COMMAND\]\]/, 'must contain [[COMPOSE_COMMAND]]'),
    ),
  ),
  wrap: v.optional(v.array(v.picklist(WRAPPABLE))),
};

export const ComposeTargetDto = v.strictObject(COMPOSE_TARGET);
export type ComposeTargetDto = v.InferOutput<typeof ComposeTargetDto>;

const COMPOSE_SERVICES = {
  ...COMPOSE_TARGET,
  services: v.optional(v.pipe(SERVICE_NAMES, v.maxLength(256))),
};
export const ComposeServicesDto = v.strictObject(COMPOSE_SERVICES);

/** Pulls (and `up`, which pulls what is missing) may log in to a private registry. */
const COMPOSE_PULL = { ...COMPOSE_SERVICES, registry: v.optional(RegistryAuthDto) };
export const ComposePullDto = v.strictObject(COMPOSE_PULL);
export type ComposePullDto = v.InferOutput<typeof ComposePullDto>;

/** `stop` and `restart`, which take compose's `--timeout`. */
export const ComposeStopDto = v.strictObject({ ...COMPOSE_SERVICES, timeout: STOP_TIMEOUT });

export const ComposeUpDto = v.strictObject({
  ...COMPOSE_PULL,
  /** Extra options of `up` (`--force-recreate`...); arguments, never a shell string. */
  extra_args: v.optional(v.pipe(v.array(v.string()), v.maxLength(64))),
  /** For the containers `up` replaces. */
  timeout: STOP_TIMEOUT,
  /** Komodo's `run_build`: `compose build` before the `up`. */
  run_build: v.optional(v.boolean()),
  /** Its flags, as words, from the closed list (checked again here: a `[[VARIABLE]]` hid them when written). */
  build_extra_args: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.maxLength(4096))),
      v.maxLength(64),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        for (const error of composeBuildWordErrors(dataset.value))
          addIssue({ message: error.message });
      }),
    ),
  ),
});
export type ComposeUpDto = v.InferOutput<typeof ComposeUpDto>;

/**
 * `down`, or with `services` only theirs: stopped and removed (`stop` then `rm`, as
 * docker-compose 1.x's `down` takes no services), the project's networks left.
 */
export const ComposeDownDto = v.strictObject({
  ...COMPOSE_SERVICES,
  remove_volumes: v.optional(v.boolean()),
  /** Containers of services no longer in the compose files go too (`--remove-orphans`). */
  remove_orphans: v.optional(v.boolean()),
  timeout: STOP_TIMEOUT,
});
export type ComposeDownDto = v.InferOutput<typeof ComposeDownDto>;

/** A compose project's services, by compose's labels (no files needed). */
const COMPOSE_PROJECT = {
  project: ProjectName,
  /** The stack asking (its id): the project's containers must be labelled as its own. */
  stack: v.optional(StackName),
  services: v.optional(SERVICE_NAMES),
};

export const GetComposeLogDto = v.strictObject({
  ...COMPOSE_PROJECT,
  tail: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5000)), 100),
  /** Each line as `<container>  | <RFC 3339 time> <text>`, as `compose logs --timestamps`. */
  timestamps: v.optional(v.boolean()),
});

/** A stack's pre- or post-deploy command, run by `sh -e` in a directory of the stack. */
export const RunStackCommandDto = v.strictObject({
  stack: StackName,
  /** Relative to the stack's directory; empty is the stack's directory. */
  path: v.optional(RelativePath),
  command: v.pipe(v.string(), v.maxLength(64 * 1024)),
  stage: v.pipe(v.string(), v.maxLength(64)),
});

export const SearchComposeLogDto = v.strictObject({ ...COMPOSE_PROJECT, ...LOG_SEARCH });
