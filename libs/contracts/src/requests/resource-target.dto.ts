import { IsIn, IsNotEmpty, IsString } from 'class-validator';
import { RESOURCE_KINDS, type ResourceKind } from '@monitor/domain';

/** Komodo's ResourceTarget: `{ type: "Deployment", id: "<id or name>" }`. */
export class ResourceTargetDto {
  @IsIn(RESOURCE_KINDS, { message: `type must be one of ${RESOURCE_KINDS.join(', ')}` })
  type!: ResourceKind;

  @IsString()
  @IsNotEmpty()
  id!: string;
}
