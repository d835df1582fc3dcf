import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_STOP_SECONDS } from './container-action.dto';
import { OwnerDto } from './container-owner';
import { IsContainerExtras } from './container-extras';
import {
  IsContainerName,
  IsExposedPorts,
  IsImageReference,
  IsPortBindings,
  IsSignal,
  IsStringRecord,
} from './engine-validators';

/**
 * The container a Deployment runs, in the Engine API's own field names where the value is the
 * Engine's (RestartPolicy, Healthcheck, port maps), so the core can pass Komodo's settings
 * through without a second vocabulary. The agent checks shapes; the engine checks meaning
 * (a bind like ":/data" is the engine's to refuse, at the create stage).
 */
export class RestartPolicyDto {
  @IsIn(['', 'no', 'always', 'unless-stopped', 'on-failure'])
  Name!: '' | 'no' | 'always' | 'unless-stopped' | 'on-failure';

  /** Only with `on-failure`; the engine refuses it with the others. */
  @IsOptional()
  @IsInt()
  @Min(0)
  MaximumRetryCount = 0;
}

/** Docker's HealthConfig; durations in nanoseconds, as the Engine API takes them. */
export class HealthcheckDto {
  /** `["CMD", "curl", "-f", "http://localhost"]`, `["CMD-SHELL", "..."]` or `["NONE"]`. */
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  Test!: string[];

  @IsOptional() @IsInt() @Min(0) Interval?: number;
  @IsOptional() @IsInt() @Min(0) Timeout?: number;
  @IsOptional() @IsInt() @Min(0) Retries?: number;
  @IsOptional() @IsInt() @Min(0) StartPeriod?: number;
}

export class ContainerSpecDto {
  /** Replaces the image's CMD; absent keeps the image's. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  cmd?: string[];

  /** `KEY=value` lines. Values may be secrets: no Log shows them. */
  @IsArray()
  @IsString({ each: true })
  env!: string[];

  @IsExposedPorts()
  exposedPorts!: Record<string, Record<string, never>>;

  @IsPortBindings()
  portBindings!: Record<string, { HostIp?: string; HostPort?: string }[]>;

  /** `host-path:container-path[:options]` or `volume:container-path[:options]`. */
  @IsArray()
  @IsString({ each: true })
  binds!: string[];

  @IsStringRecord()
  labels!: Record<string, string>;

  /** `bridge`, `host`, `none`, `container:<name>` or a network's name. */
  @IsString()
  @MinLength(1)
  networkMode!: string;

  // ValidateNested alone lets a missing object through.
  @IsDefined()
  @ValidateNested()
  @Type(() => RestartPolicyDto)
  restartPolicy!: RestartPolicyDto;

  @IsOptional()
  @IsSignal()
  stopSignal?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_STOP_SECONDS)
  stopTimeout?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => HealthcheckDto)
  healthcheck?: HealthcheckDto;

  /** Engine fields from the Deployment's `extra_args` (`--memory`, `--cap-add`, ...). */
  @IsOptional()
  @IsContainerExtras()
  extras?: { host?: Record<string, unknown>; config?: Record<string, unknown> };
}

export class DeployContainerDto {
  @IsString()
  @IsContainerName()
  name!: string;

  @IsString()
  @IsImageReference()
  image!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => ContainerSpecDto)
  spec!: ContainerSpecDto;

  /**
   * The Deployment deployed: the container it replaces must carry its label, and the new one
   * gets it. A joined (`container:<name>`) network must be a Deployment's container.
   */
  @IsOptional()
  @ValidateNested()
  @Type(() => OwnerDto)
  owner?: OwnerDto;

  /** The Deployment whose container a `container:<name>` network joins, as the core found it. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: 'joined_deployment must be a Deployment id' })
  joined_deployment?: string;
}
