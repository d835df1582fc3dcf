import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RESOURCE_KINDS } from '../../../domain/src/kinds';
import { ResourceTargetDto } from './resource-target.dto';

/** `{ sync }`: the ResourceSync's id or name. */
export class SyncParamDto {
  @IsString()
  @IsNotEmpty()
  sync!: string;
}

/**
 * Komodo's `RunSync { sync, resource_type?, resources? }`, and Monitor's guards: `pending_hash`,
 * the plan reviewed (another plan is a 409, nothing applied); `confirm_deletes`, the number of
 * deletes a large delete needs repeated back.
 */
export class RunSyncDto extends SyncParamDto {
  @IsOptional()
  @IsIn(RESOURCE_KINDS)
  resource_type?: (typeof RESOURCE_KINDS)[number];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  resources?: string[];

  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'pending_hash must be the plan hash a refresh answered' })
  pending_hash?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  confirm_deletes?: number;
}

/** What both exports share: variables, and Komodo's `existing` files (their deploy/after kept). */
class ExportDto {
  @IsOptional()
  @IsBoolean()
  include_variables?: boolean;

  /** Komodo's ResourcesToml: only the `deploy` and `after` of its deployments and stacks are read. */
  @IsOptional()
  @IsObject()
  existing?: Record<string, unknown>;
}

/** Komodo's `ExportAllResourcesToToml`: everything the caller may read, by tags if given. */
export class ExportAllResourcesToTomlDto extends ExportDto {
  @IsOptional()
  @IsBoolean()
  include_resources?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1_000)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  tags?: string[];

  @IsOptional()
  @IsBoolean()
  include_user_groups?: boolean;
}

/** Komodo's `ExportResourcesToToml`: these resources (each readable) and user groups. */
export class ExportResourcesToTomlDto extends ExportDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => ResourceTargetDto)
  targets?: ResourceTargetDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1_000)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  user_groups?: string[];
}

/** Komodo's `WriteSyncFileContents`: one file of the sync, by its folder and path in it. */
export class WriteSyncFileContentsDto extends SyncParamDto {
  @IsString()
  @MaxLength(4_096)
  resource_path!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4_096)
  file_path!: string;

  @IsString()
  contents!: string;
}
