import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { WithLogSearch } from '../docker/log-search.dto';
import { RegistryAuthDto } from '../docker/pull-image.dto';
import { AreRelativePaths, IsProjectName, IsRelativePath, IsStackName } from './stack-paths';

export const COMPOSE_COMMANDS = ['auto', 'docker compose', 'docker-compose'] as const;
/** The compose subcommands a wrapper may wrap (Komodo's, without Swarm's). */
export const WRAPPABLE = ['config', 'build', 'pull', 'up', 'run'];
export type ComposeCommandChoice = (typeof COMPOSE_COMMANDS)[number];

/** A service name as compose allows it; checked so it can never look like an option. */
export const SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const SERVICE_MESSAGE = "services entries must be service names (letters, digits, '_', '.', '-')";

export class StackFileDto {
  @IsRelativePath()
  path!: string;

  @IsString()
  @MaxLength(512 * 1024)
  contents!: string;
}

export class WriteComposeFilesDto {
  @IsStackName()
  stack!: string;

  /** Empty when the compose files come from git and only the env file is written. */
  @IsArray()
  @ArrayMaxSize(32)
  @ValidateNested({ each: true })
  @Type(() => StackFileDto)
  files!: StackFileDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => StackFileDto)
  env?: StackFileDto;
}

/**
 * What every compose command names: the stack's directory, the directory inside it where
 * compose runs, the project and its files (relative to the run directory).
 */
export class ComposeTargetDto {
  @IsStackName()
  stack!: string;

  @IsOptional()
  @IsRelativePath()
  run_directory?: string;

  @IsProjectName()
  project!: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(32)
  @AreRelativePaths()
  files!: string[];

  @IsOptional()
  @IsRelativePath()
  env_file?: string;

  /** Komodo's `additional_env_files`, after `env_file`: a later file's value wins. */
  @IsOptional()
  @ArrayMaxSize(32)
  @AreRelativePaths()
  env_files?: string[];

  /** Which compose program; the agent's choice ('auto') unless the core insists. */
  @IsOptional()
  @IsIn(COMPOSE_COMMANDS)
  compose_command?: ComposeCommandChoice;

  /**
   * Komodo's `compose_cmd_wrapper`: a shell command with `[[COMPOSE_COMMAND]]` where the compose
   * command goes (`op run -- [[COMPOSE_COMMAND]]`), for the subcommands in `wrap` (`up` alone
   * when not given). The stack's owner writes it, as they write pre_deploy.
   */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  @Matches(/\[\[COMPOSE_COMMAND\]\]/, { message: 'wrapper must contain [[COMPOSE_COMMAND]]' })
  wrapper?: string;

  @IsOptional()
  @IsArray()
  @IsIn(WRAPPABLE, { each: true })
  wrap?: string[];
}

export class ComposeServicesDto extends ComposeTargetDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(256)
  @IsString({ each: true })
  @Matches(SERVICE_NAME, { each: true, message: SERVICE_MESSAGE })
  services?: string[];
}

/** Pulls (and `up`, which pulls what is missing) may log in to a private registry. */
export class ComposePullDto extends ComposeServicesDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistryAuthDto)
  registry?: RegistryAuthDto;
}

/** A day: longer is a mistake, not a grace period. */
export const MAX_STOP_TIMEOUT = 86_400;

/** Seconds compose waits for a container to stop before it kills it (`--timeout`). */
const StopTimeout = (): PropertyDecorator => (target, key) => {
  IsOptional()(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(MAX_STOP_TIMEOUT)(target, key);
};

/** `stop` and `restart`, which take compose's `--timeout`. */
export class ComposeStopDto extends ComposeServicesDto {
  @StopTimeout()
  timeout?: number;
}

export class ComposeUpDto extends ComposePullDto {
  /** Extra options of `up` (`--force-recreate`...); arguments, never a shell string. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @IsString({ each: true })
  extra_args?: string[];

  /** For the containers `up` replaces. */
  @StopTimeout()
  timeout?: number;
}

/**
 * `down`, or with `services` only theirs: stopped and removed (`stop` then `rm`, as
 * docker-compose 1.x's `down` takes no services), the project's networks left.
 */
export class ComposeDownDto extends ComposeServicesDto {
  @IsOptional()
  @IsBoolean()
  remove_volumes?: boolean;

  /** Containers of services no longer in the compose files go too (`--remove-orphans`). */
  @IsOptional()
  @IsBoolean()
  remove_orphans?: boolean;

  @StopTimeout()
  timeout?: number;
}

/** A compose project's services, by compose's labels (no files needed). */
export class ComposeProjectDto {
  @IsProjectName()
  project!: string;

  /** The stack asking (its id): the project's containers must be labelled as its own. */
  @IsOptional()
  @IsStackName()
  stack?: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @Matches(SERVICE_NAME, { each: true, message: SERVICE_MESSAGE })
  services?: string[];
}

export class GetComposeLogDto extends ComposeProjectDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  tail = 100;

  /** Each line as `<container>  | <RFC 3339 time> <text>`, as `compose logs --timestamps`. */
  @IsOptional()
  @IsBoolean()
  timestamps?: boolean;
}

/** A stack's pre- or post-deploy command, run by `sh -e` in a directory of the stack. */
export class RunStackCommandDto {
  @IsStackName()
  stack!: string;

  /** Relative to the stack's directory; empty is the stack's directory. */
  @IsOptional()
  @IsRelativePath()
  path?: string;

  @IsString()
  @MaxLength(64 * 1024)
  command!: string;

  @IsString()
  @MaxLength(64)
  stage!: string;
}

export class SearchComposeLogDto extends WithLogSearch(ComposeProjectDto) {}
