import { MessagePattern } from '@nestjs/microservices';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { BusController, execSubject, QUEUE_GROUPS } from '@monitor/bus';
import { ALERTER_REQUESTS, AlerterParamDto, requireValid, SendAlertDto } from '@monitor/contracts';
import { ExecutionRunner } from '@monitor/executions';
import { systemMeta, type CommandMeta, type WriteResult } from '@monitor/resources';
import { SendCustomAlert } from './send-custom-alert';
import { TestAlerter } from './test-alerter';

const queue = QUEUE_GROUPS.alerter;
type Envelope = { params: unknown; meta: CommandMeta };

/** `exec.alerter.<Execution>`: Komodo's TestAlerter and SendAlert, each answering its Update. */
@BusController()
export class AlerterRequestsController implements OnApplicationBootstrap {
  constructor(
    private readonly tests: TestAlerter,
    private readonly custom: SendCustomAlert,
    private readonly runner: ExecutionRunner,
  ) {}

  /** Tests and sends left unfinished when the alerter stopped are marked interrupted. */
  async onApplicationBootstrap(): Promise<void> {
    await this.runner.interruptUnfinished(['Alerter', 'System'], systemMeta());
  }

  @MessagePattern(execSubject('Alerter', ALERTER_REQUESTS.TestAlerter.name), { queue })
  test({ params, meta }: Envelope): Promise<WriteResult> {
    return this.tests.test(requireValid(AlerterParamDto, params).alerter, meta);
  }

  @MessagePattern(execSubject('Alerter', ALERTER_REQUESTS.SendAlert.name), { queue })
  send({ params, meta }: Envelope): Promise<WriteResult> {
    return this.custom.send(requireValid(SendAlertDto, params), meta);
  }
}
