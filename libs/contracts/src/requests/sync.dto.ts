import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Min,
} from 'class-validator';
import { RESOURCE_KINDS } from '../../../domain/src/kinds';

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
