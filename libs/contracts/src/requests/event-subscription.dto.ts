import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { FILTER_LIST_MAX, RESOURCE_KINDS, type ResourceKind } from '@monitor/domain';

/** Which events: each list given must match (any of its values); absent or empty: all. */
export class EventFilterDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FILTER_LIST_MAX)
  @IsIn(RESOURCE_KINDS, { each: true })
  kinds?: ResourceKind[];

  /** Resource ids or names. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FILTER_LIST_MAX)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  resources?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FILTER_LIST_MAX)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  types?: string[];

  /** Tag ids or names. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FILTER_LIST_MAX)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  tags?: string[];
}

/** Monitor's: the id of an event subscription. */
export class EventSubscriptionIdDto {
  @IsString()
  @IsNotEmpty()
  id!: string;
}

export class ListEventSubscriptionsDto {}

export class CreateEventSubscriptionDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name!: string;

  /** http(s): checked by the domain (400 naming `url`). */
  @IsString()
  @MaxLength(2048)
  url!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => EventFilterDto)
  @IsObject()
  filter?: EventFilterDto;

  /** Signs every delivery (HMAC-SHA256); sealed when stored, never answered. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  secret!: string;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** The fields given are changed; a blank or absent secret keeps the stored one. */
export class UpdateEventSubscriptionDto extends EventSubscriptionIdDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => EventFilterDto)
  @IsObject()
  filter?: EventFilterDto;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  secret?: string;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
