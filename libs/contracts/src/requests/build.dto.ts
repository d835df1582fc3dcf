import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { ResourceQueryDto } from './read.dto';

/** Komodo stores a version's parts as i32s. */
const PART_MAX = 2_147_483_647;

/** `RunBuild`, `CancelBuild`, `GetBuildActionState { build }`: the Build's id or name. */
export class BuildParamDto {
  @IsString()
  @IsNotEmpty()
  build!: string;
}

/** `ListBuildVersions`: the versions built, filtered by any part given, at most `limit`. */
export class ListBuildVersionsDto extends BuildParamDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PART_MAX)
  major?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PART_MAX)
  minor?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PART_MAX)
  patch?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  limit?: number;
}

/** `GetBuildMonthlyStats { page }`: page 0 is the last 30 days, 1 the 30 before, ... */
export class GetBuildMonthlyStatsDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  // About a hundred years back: a larger page holds no build.
  @Max(1_300)
  page?: number;
}

/** `ListCommonBuildExtraArgs { query }`: the builds whose extra args are listed. */
export class ListCommonBuildExtraArgsDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceQueryDto)
  query?: ResourceQueryDto;
}
