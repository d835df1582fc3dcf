import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module';
import { AlerterRequestsController } from './alerter-requests.controller';
import { SendCustomAlert } from './send-custom-alert';
import { TestAlerter } from './test-alerter';

/** An Alerter's executions: TestAlerter (a direct send) and SendAlert (a Custom alert raised). */
@Module({
  imports: [DeliveryModule],
  controllers: [AlerterRequestsController],
  providers: [TestAlerter, SendCustomAlert],
})
export class AlerterRequestsModule {}
