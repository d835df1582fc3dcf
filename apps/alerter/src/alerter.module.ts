import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';
import { DeliveryModule } from './delivery/delivery.module';
import { EventSubscriptionsModule } from './event-subscriptions/event-subscriptions.module';
import { AlerterRequestsModule } from './requests/alerter-requests.module';

/** The alerter owns Alerters, the alert lifecycle and delivery, and outgoing webhooks. */
@Module({
  imports: [
    ResourceLifecycleModule.forKinds('alerter', ['Alerter']),
    AlerterRequestsModule,
    DeliveryModule,
    EventSubscriptionsModule,
  ],
})
export class AlerterModule {}
