import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';
import { DeliveryModule } from './delivery/delivery.module';
import { AlerterRequestsModule } from './requests/alerter-requests.module';

/** The alerter owns Alerters, the alert lifecycle and delivery. */
@Module({
  imports: [
    ResourceLifecycleModule.forKinds('alerter', ['Alerter']),
    AlerterRequestsModule,
    DeliveryModule,
  ],
})
export class AlerterModule {}
