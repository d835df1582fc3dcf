import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** `TestAlerter { alerter }`: the Alerter's id or name. */
export class AlerterParamDto {
  @IsString()
  @IsNotEmpty()
  alerter!: string;
}

/** Komodo's SeverityLevel, as SendAlert takes it. */
export const SEND_ALERT_LEVELS = ['OK', 'WARNING', 'CRITICAL'] as const;

/**
 * Komodo's `SendAlert { level?, message, details?, alerters? }`: a Custom alert to the alerters
 * named (ids or names), or to every alerter the caller may execute that takes Custom alerts.
 */
export class SendAlertDto {
  @IsOptional()
  @IsIn(SEND_ALERT_LEVELS)
  level?: (typeof SEND_ALERT_LEVELS)[number];

  @IsString()
  @IsNotEmpty()
  @MaxLength(4_000)
  message!: string;

  @IsOptional()
  @IsString()
  @MaxLength(16_000)
  details?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  alerters?: string[];
}

/** Where a delivery of one alert to one alerter stands. */
export const ALERT_DELIVERY_STATES = [
  'Held',
  'Pending',
  'InFlight',
  'Delivered',
  'GivenUp',
  'Skipped',
] as const;
export type AlertDeliveryState = (typeof ALERT_DELIVERY_STATES)[number];

/** `ListAlertDeliveries`: newest first, filtered by any of alert, alerter, state. */
export class ListAlertDeliveriesDto {
  /** The alert's id. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  alert?: string;

  /** The alerter's id or name. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  alerter?: string;

  @IsOptional()
  @IsIn(ALERT_DELIVERY_STATES)
  state?: AlertDeliveryState;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000)
  limit?: number;
}
