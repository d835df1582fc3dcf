import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { SearchCombinator } from './log-search';

/** `{ name }`: a container's name (or id). */
export class ContainerNameDto {
  @IsString()
  @MinLength(1)
  name!: string;
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

export class GetContainerLogSearchDto extends ContainerNameDto {
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  terms!: string[];

  @IsOptional()
  @IsIn(['And', 'Or'])
  combinator: SearchCombinator = 'Or';

  @IsOptional()
  @IsBoolean()
  invert?: boolean;

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
