import { ALERT_TYPES, type AlerterEndpointType } from '../../../domain/src/resources/configs';
import { MaintenanceWindowDto, ResourceTargetDto } from './common.dto';
import { Params, Tag } from './hints';
import { Bool, Nested, NestedList, OneOfEach, Str } from './rules';

export class UrlEndpointDto {
  @Str() url?: string;
}

export class NtfyEndpointDto {
  @Str() url?: string;
  @Str() email?: string;
}

const ENDPOINT_VARIANTS: Record<AlerterEndpointType, new () => object> = {
  Custom: UrlEndpointDto,
  Slack: UrlEndpointDto,
  Discord: UrlEndpointDto,
  Ntfy: NtfyEndpointDto,
  Pushover: UrlEndpointDto,
};

export class AlerterEndpointDto {
  @Tag(ENDPOINT_VARIANTS) type!: string;
  @Params(ENDPOINT_VARIANTS) params?: UrlEndpointDto | NtfyEndpointDto;
}

export class AlerterConfigDto {
  @Bool() enabled?: boolean;
  @Nested(() => AlerterEndpointDto) endpoint?: AlerterEndpointDto;
  @OneOfEach(ALERT_TYPES) alert_types?: string[];
  @NestedList(() => ResourceTargetDto) resources?: ResourceTargetDto[];
  @NestedList(() => ResourceTargetDto) except_resources?: ResourceTargetDto[];
  @NestedList(() => MaintenanceWindowDto) maintenance_windows?: MaintenanceWindowDto[];
}
