import {
  MAINTENANCE_SCHEDULE_TYPES,
  RESOURCE_TARGET_TYPES,
} from '../../../domain/src/resources/configs';
import { Path } from './relative-path';
import { Bool, Int, OneOf, Str } from './rules';

/** Komodo reads a version object whole: all three numbers are needed. */
export class VersionDto {
  @Int(0, undefined, { required: true }) major!: number;
  @Int(0, undefined, { required: true }) minor!: number;
  @Int(0, undefined, { required: true }) patch!: number;
}

export class SystemCommandDto {
  @Path() path?: string;
  @Str() command?: string;
  @Bool() shell_mode?: boolean;
}

export class ImageRegistryConfigDto {
  @Str() domain?: string;
  @Str() account?: string;
  @Str() organization?: string;
}

export class MaintenanceWindowDto {
  @Str({ required: true }) name!: string;
  @Str() description?: string;
  @OneOf(MAINTENANCE_SCHEDULE_TYPES) schedule_type?: string;
  @Str() day_of_week?: string;
  @Str() date?: string;
  @Int(0, 23) hour?: number;
  @Int(0, 59) minute?: number;
  @Int(0, undefined, { required: true }) duration_minutes!: number;
  @Str() timezone?: string;
  @Bool() enabled?: boolean;
}

export class ResourceTargetDto {
  @OneOf(RESOURCE_TARGET_TYPES, { required: true }) type!: string;
  @Str({ required: true }) id!: string;
}
