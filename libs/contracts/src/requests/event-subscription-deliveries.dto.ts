import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import { ALERT_DELIVERY_STATES, type AlertDeliveryState } from './alerter.dto';

/** Monitor's: the subscription (its id) whose deliveries are retried. */
export class EventSubscriptionDeliveriesParamDto {
  @IsString()
  @IsNotEmpty()
  subscription!: string;
}

/** `ListEventSubscriptionDeliveries`: one subscription's, newest first, by state. */
export class ListEventSubscriptionDeliveriesDto extends EventSubscriptionDeliveriesParamDto {
  @IsOptional()
  @IsIn(ALERT_DELIVERY_STATES)
  state?: AlertDeliveryState;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000)
  limit?: number;
}
