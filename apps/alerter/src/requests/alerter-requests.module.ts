import { Module } from '@nestjs/common';
import { AlerterRequestsController } from './alerter-requests.controller';
import { AlerterSendContext } from './alerter-send-context';
import { SendCustomAlert } from './send-custom-alert';
import { TestAlerter } from './test-alerter';

/** An Alerter's executions: TestAlerter (a direct send) and SendAlert (a Custom alert raised). */
@Module({
  controllers: [AlerterRequestsController],
  providers: [AlerterSendContext, TestAlerter, SendCustomAlert],
})
export class AlerterRequestsModule {}
