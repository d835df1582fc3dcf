import { ALERT_TYPES, type AlerterEndpointType } from '../../../domain/src/resources/configs';
import { MaintenanceWindowDto, ResourceTargetDto } from './common.dto';
import { Params, Tag } from './hints';
import { EMAIL_SECURITIES } from '../../../domain/src/alerter/alerter.config';
import { urlProblem } from '../../../domain/src/alerter/validate';
import { MASKED_SECRET } from '../../../domain/src/alerter/complete-endpoint';
import { Bool, Nested, NestedList, OneOf, OneOfEach, Port, rule, Str, Strs } from './rules';

/**
 * Checked here, before the value is sealed (a secret field reaches the domain's rules
 * encrypted): an http(s) url once its `[[VARIABLES]]` are filled in.
 */
const HttpUrl = (options: { emptyMeansDefault?: boolean } = {}) =>
  Str(
    undefined,
    rule('httpUrl', (value) =>
      typeof value !== 'string' ||
      (options.emptyMeansDefault && value === '') ||
      // Sent back as answered: the stored url is kept (completeAlerterPatch).
      value === MASKED_SECRET
        ? undefined
        : urlProblem(value),
    ),
  );

export class UrlEndpointDto {
  @HttpUrl() url?: string;
}

export class NtfyEndpointDto {
  @HttpUrl() url?: string;
  @Str() email?: string;
}

export class TelegramEndpointDto {
  @Str() bot_token?: string;
  @Str() chat_id?: string;
  @HttpUrl({ emptyMeansDefault: true }) url?: string;
}

export class EmailEndpointDto {
  @Str() host?: string;
  @Port() port?: number;
  @OneOf(EMAIL_SECURITIES) security?: string;
  @Str() username?: string;
  @Str() password?: string;
  @Str() from?: string;
  @Strs() to?: string[];
}

const ENDPOINT_VARIANTS: Record<AlerterEndpointType, new () => object> = {
  Custom: UrlEndpointDto,
  Slack: UrlEndpointDto,
  Discord: UrlEndpointDto,
  Ntfy: NtfyEndpointDto,
  Pushover: UrlEndpointDto,
  Telegram: TelegramEndpointDto,
  Email: EmailEndpointDto,
};

export class AlerterEndpointDto {
  @Tag(ENDPOINT_VARIANTS) type!: string;
  @Params(ENDPOINT_VARIANTS) params?:
    UrlEndpointDto | NtfyEndpointDto | TelegramEndpointDto | EmailEndpointDto;
}

export class AlerterConfigDto {
  @Bool() enabled?: boolean;
  @Nested(() => AlerterEndpointDto) endpoint?: AlerterEndpointDto;
  @OneOfEach(ALERT_TYPES) alert_types?: string[];
  @NestedList(() => ResourceTargetDto) resources?: ResourceTargetDto[];
  @NestedList(() => ResourceTargetDto) except_resources?: ResourceTargetDto[];
  @NestedList(() => MaintenanceWindowDto) maintenance_windows?: MaintenanceWindowDto[];
}
