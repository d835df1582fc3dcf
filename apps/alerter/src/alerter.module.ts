import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';

/** The alerter owns Alerters, the alert lifecycle and delivery. */
@Module({
  imports: [ResourceLifecycleModule.forKinds('alerter', ['Alerter'])],
})
export class AlerterModule {}
