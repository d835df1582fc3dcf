import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { OwnerDto } from './container-owner';
import { IsContainerName, IsSignal } from './engine-validators';

/**
 * The longest a stop may wait before the kill. The request is answered once the container has
 * stopped, so this bounds how long the core's call stays open.
 */
export const MAX_STOP_SECONDS = 600;

/**
 * `{ name }` of StartContainer, RestartContainer, PauseContainer, UnpauseContainer and
 * GetContainerStats. Unlike the read requests (which answer 404 for a name that cannot exist),
 * these refuse such a name with a 400: it is a malformed request, not a missing container.
 */
export class ContainerActionDto {
  @IsString()
  @IsContainerName()
  name!: string;

  /** The Deployment (or Stack) acted for: only a container labelled with its id is touched. */
  @IsOptional()
  @ValidateNested()
  @Type(() => OwnerDto)
  owner?: OwnerDto;
}

/** StopContainer and RemoveContainer: how gracefully to stop first. */
export class StopContainerDto extends ContainerActionDto {
  /** Sent first; default the container's own StopSignal, else SIGTERM. */
  @IsOptional()
  @IsSignal()
  signal?: string;

  /** Seconds between the signal and SIGKILL; default the container's StopTimeout, else 10. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_STOP_SECONDS)
  timeSeconds?: number;
}
