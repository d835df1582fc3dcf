import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OwnerDto } from './container-owner';
import { WithLogSearch } from './log-search.dto';

/** `{ name }`: a container's name (or id). */
export class ContainerNameDto {
  @IsString()
  @MinLength(1)
  name!: string;

  /** The Deployment (or Stack) acted for: only a container labelled with its id is touched. */
  @IsOptional()
  @ValidateNested()
  @Type(() => OwnerDto)
  owner?: OwnerDto;
}

export class GetContainerLogDto extends ContainerNameDto {
  /** Lines from the end; Komodo's default and ceiling. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  tail = 100;

  @IsOptional()
  @IsBoolean()
  timestamps?: boolean;
}

export class GetContainerLogSearchDto extends WithLogSearch(ContainerNameDto) {
  @IsOptional()
  @IsBoolean()
  timestamps?: boolean;
}

/** Docker's prune filters, e.g. `{ "label": ["app=web"], "until": "24h" }`. */
export class PruneFiltersDto {
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  label?: string[];

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  'label!'?: string[];

  /** A Go duration (`24h`) or a timestamp: only what was created before it. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  until?: string;
}

export class PruneDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => PruneFiltersDto)
  filters?: PruneFiltersDto;
}
