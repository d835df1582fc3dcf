import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MAX_NAME_LENGTH } from '@monitor/domain';
import { ResourceTargetDto } from './resource-target.dto';

/**
 * `Create<Kind> { name, config? }`; description and tags are Monitor's additions. Komodo's
 * `public_key` of CreateServer (the agent's key for Komodo 2's core-to-agent login) is accepted,
 * not used: Monitor's agents check a passkey and signed requests.
 */
export class CreateResourceDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NAME_LENGTH)
  name!: string;

  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  description?: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];

  @IsOptional()
  @IsString()
  public_key?: string;
}

/** `Update<Kind> { id, config }`: a partial config; only changed fields are recorded. */
export class UpdateResourceDto {
  @IsString()
  @IsNotEmpty()
  id!: string;

  @IsObject()
  config!: Record<string, unknown>;
}

/** `Rename<Kind> { id, name }`. */
export class RenameResourceDto {
  @IsString()
  @IsNotEmpty()
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NAME_LENGTH)
  name!: string;
}

/** `Copy<Kind> { name, id, public_key? }`: a new resource with the config of `id`. */
export class CopyResourceDto extends RenameResourceDto {
  /** CreateServer's `public_key`, accepted and not used. */
  @IsOptional()
  @IsString()
  public_key?: string;
}

/** `Delete<Kind> { id }`. */
export class DeleteResourceDto {
  @IsString()
  @IsNotEmpty()
  id!: string;
}

/** `UpdateResourceMeta { target, description?, tags?, base_permission? }`. */
export class UpdateResourceMetaDto {
  @ValidateNested()
  @Type(() => ResourceTargetDto)
  @IsObject()
  target!: ResourceTargetDto;

  /** Monitor's addition: what every user may do with the resource. */
  @IsOptional()
  @IsIn(['None', 'Read', 'Execute', 'Write'])
  base_permission?: 'None' | 'Read' | 'Execute' | 'Write';

  /**
   * Komodo's resource templates: accepted, not honoured yet (Monitor has no templates; every
   * resource answers `template: false`).
   */
  @IsOptional()
  @IsBoolean()
  template?: boolean;

  @IsOptional()
  @IsString()
  description?: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];
}

/** Komodo 1.x's `UpdateTagsOnResource { target, tags }`. */
export class UpdateTagsOnResourceDto {
  @ValidateNested()
  @Type(() => ResourceTargetDto)
  @IsObject()
  target!: ResourceTargetDto;

  @IsArray()
  @IsString({ each: true })
  tags!: string[];
}

/** `UpdateDescription { target, description }`. */
export class UpdateDescriptionDto {
  @ValidateNested()
  @Type(() => ResourceTargetDto)
  @IsObject()
  target!: ResourceTargetDto;

  @IsString()
  description!: string;
}
