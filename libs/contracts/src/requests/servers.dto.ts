import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
} from 'class-validator';

/** `{ server: id or name }`, as every server read and execution takes. */
export class ServerParamDto {
  @IsString()
  @IsNotEmpty()
  server!: string;
}

/** Komodo's Timelength values that make sense for stats history. */
export const STATS_GRANULARITIES = [
  '15-sec',
  '30-sec',
  '1-min',
  '2-min',
  '5-min',
  '10-min',
  '15-min',
  '30-min',
  '1-hr',
  '2-hr',
  '6-hr',
  '8-hr',
  '12-hr',
  '1-day',
] as const;

export class GetHistoricalServerStatsDto extends ServerParamDto {
  @IsIn(STATS_GRANULARITIES)
  granularity!: (typeof STATS_GRANULARITIES)[number];

  @IsOptional()
  @IsInt()
  @Min(0)
  page?: number;
}

export class GetContainerLogDto extends ServerParamDto {
  @IsString()
  @IsNotEmpty()
  container!: string;

  @IsInt()
  @Min(1)
  @Max(100_000)
  tail!: number;

  @IsOptional()
  @IsBoolean()
  timestamps?: boolean;
}

/**
 * What a log search takes, for a container, a deployment or a stack. At least one term, none
 * empty: an empty term would match every line, no term none.
 */
class LogSearchDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  terms!: string[];

  @IsOptional()
  @IsIn(['And', 'Or'])
  combinator?: 'And' | 'Or';

  @IsOptional()
  @IsBoolean()
  invert?: boolean;

  @IsOptional()
  @IsBoolean()
  timestamps?: boolean;
}

export class SearchContainerLogDto extends LogSearchDto {
  @IsString()
  @IsNotEmpty()
  server!: string;

  @IsString()
  @IsNotEmpty()
  container!: string;
}

export class ListAlertsDto {
  @IsOptional()
  @IsObject()
  query?: Record<string, unknown>;

  @IsOptional()
  @IsInt()
  @Min(0)
  page?: number;
}

export class GetAlertDto {
  @IsString()
  @IsNotEmpty()
  id!: string;
}

/** `Deploy { deployment, stop_signal?, stop_time? }`. */
export class DeployDto {
  @IsString()
  @IsNotEmpty()
  deployment!: string;

  @IsOptional()
  @IsString()
  stop_signal?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  stop_time?: number;
}

/** `StopDeployment { deployment, signal?, time? }` and the other container actions. */
export class DeploymentActionDto {
  @IsString()
  @IsNotEmpty()
  deployment!: string;

  @IsOptional()
  @IsString()
  signal?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  time?: number;
}

/** `RollbackDeployment { deployment, revision? }`: the config revision an earlier Deploy deployed. */
export class RollbackDeploymentDto {
  @IsString()
  @IsNotEmpty()
  deployment!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  revision?: number;
}

/**
 * Komodo's `Batch<Execution> { pattern, tags? }`: `pattern` holds names, wildcards (`*`, `?`) and
 * `\regex\`, comma or newline separated (`#` comments as Komodo); `tags`, names or ids, keeps
 * only the resources carrying every one.
 */
export class BatchPatternDto {
  @IsString()
  @IsNotEmpty()
  pattern!: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];
}

export class GetDeploymentLogDto {
  @IsString()
  @IsNotEmpty()
  deployment!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  tail?: number;

  @IsOptional()
  @IsBoolean()
  timestamps?: boolean;
}

export class SearchDeploymentLogDto extends LogSearchDto {
  @IsString()
  @IsNotEmpty()
  deployment!: string;
}

/**
 * `DeployStack { stack, services?, stop_time? }` and the other stack executions. `stop_time` is
 * compose's `--timeout`, the seconds a container has to stop before it is killed (else each
 * service's own `stop_grace_period`), wherever one stops: StopStack, RestartStack, DestroyStack,
 * and the containers a deploy replaces or takes down first.
 */
export class StackParamDto {
  @IsString()
  @IsNotEmpty()
  stack!: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  services?: string[];

  /** Up to a day: longer is a mistake, not a grace period (the agent refuses it too). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86_400)
  stop_time?: number;
}

/**
 * `DestroyStack { stack, services?, remove_orphans?, stop_time? }` and Monitor's
 * `remove_volumes`. With `services` only theirs go; `remove_orphans` also removes the project's
 * containers of services no longer in its compose files.
 */
export class DestroyStackDto extends StackParamDto {
  @IsOptional()
  @IsBoolean()
  remove_volumes?: boolean;

  @IsOptional()
  @IsBoolean()
  remove_orphans?: boolean;
}

/** `GetStackLog { stack, services, tail, timestamps? }`: each line `<container>  | <time> <text>`. */
export class GetStackLogDto extends StackParamDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  tail?: number;

  @IsOptional()
  @IsBoolean()
  timestamps?: boolean;
}

/** Komodo's `SearchStackLog { stack, services?, terms, combinator?, invert?, timestamps? }`. */
export class SearchStackLogDto extends LogSearchDto {
  @IsString()
  @IsNotEmpty()
  stack!: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  services?: string[];
}

/** Komodo's `InspectContainer { server, container }` (before 2.3.0 `InspectDockerContainer`). */
export class InspectContainerDto extends ServerParamDto {
  @IsString()
  @IsNotEmpty()
  container!: string;
}

/** Komodo's `InspectDeploymentContainer { deployment }`. */
export class InspectDeploymentContainerDto {
  @IsString()
  @IsNotEmpty()
  deployment!: string;
}

/** Komodo's `InspectStackContainer { stack, service }`: the container of that service. */
export class InspectStackContainerDto {
  @IsString()
  @IsNotEmpty()
  stack!: string;

  @IsString()
  @IsNotEmpty()
  service!: string;
}
