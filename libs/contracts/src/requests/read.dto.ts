import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ResourceKind } from '@monitor/domain';
import { ResourceTargetDto } from './resource-target.dto';

/** The parameter that names the resource in `Get<Kind>`, as Komodo spells it. */
export const GET_PARAM: Record<ResourceKind, string> = {
  Server: 'server',
  Deployment: 'deployment',
  Stack: 'stack',
  Repo: 'repo',
  Build: 'build',
  Builder: 'builder',
  Procedure: 'procedure',
  Action: 'action',
  ResourceSync: 'sync',
  Alerter: 'alerter',
  ServerTemplate: 'server_template',
};

const getDtos = new Map<string, new () => object>();

/** `Get<Kind> { <param>: id or name }`, one DTO class per spelling. */
export function getResourceDto(kind: ResourceKind): new () => object {
  const param = GET_PARAM[kind];
  let dto = getDtos.get(param);
  if (!dto) {
    dto = class GetResourceDto {};
    Object.defineProperty(dto, 'name', { value: `Get${kind}Dto` });
    IsString()(dto.prototype, param);
    IsNotEmpty()(dto.prototype, param);
    getDtos.set(param, dto);
  }
  return dto;
}

/** Komodo's ResourceQuery: names, free-text terms and tags. */
export class ResourceQueryDto {
  @IsOptional()
  @IsString({ each: true })
  names?: string[];

  @IsOptional()
  @IsString({ each: true })
  terms?: string[];

  @IsOptional()
  @IsString({ each: true })
  tags?: string[];

  @IsOptional()
  @IsString()
  tag_behavior?: 'All' | 'Any';

  @IsOptional()
  @IsObject()
  specific?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  templates?: string;
}

/** The values of Komodo's `<Kind>SortBy` enums, every kind's together. */
export const LIST_SORT_BY = [
  'Name',
  'State',
  'Region',
  'Image',
  'Host',
  'Server',
  'Source',
  'Repo',
  'Branch',
  'Type',
  'Enabled',
  'Provider',
  'InstanceType',
  'NextRun',
  'Version',
  'Cpu',
  'Memory',
  'Disk',
  'LoadAverage',
  'Network',
] as const;
export type ListSortBy = (typeof LIST_SORT_BY)[number];

export class ListResourcesDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceQueryDto)
  query?: ResourceQueryDto;

  @IsOptional()
  @IsInt()
  @Min(0)
  page?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  limit?: number;

  /** Komodo's `<Kind>SortBy`; `List<Kind>s` orders by it (by name without it). */
  @IsOptional()
  @IsIn(LIST_SORT_BY)
  sort_by?: ListSortBy;

  /** Reverses the order. */
  @IsOptional()
  @IsBoolean()
  sort_desc?: boolean;
}

export class ListTagsDto {
  @IsOptional()
  @IsObject()
  query?: Record<string, unknown>;
}

export class GetUpdateDto {
  @IsString()
  @IsNotEmpty()
  id!: string;
}

/** `ListUpdates { query?, page? }`: query keys are dotted paths matched for equality. */
export class ListUpdatesDto {
  @IsOptional()
  @IsObject()
  query?: Record<string, unknown>;

  @IsOptional()
  @IsInt()
  @Min(0)
  page?: number;
}

export class GetResourceHistoryDto {
  @ValidateNested()
  @Type(() => ResourceTargetDto)
  @IsObject()
  target!: ResourceTargetDto;
}

/** The resource as it was at a revision (0 = as created) or at a time (ms since the epoch). */
export class GetResourceAtDto extends GetResourceHistoryDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  revision?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  at?: number;
}

export class EmptyDto {}
