import { Inject, Injectable } from '@nestjs/common';
import { notFound, type Alert, type Resource } from '@monitor/domain';
import { ExecutionRunner, type ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta, WriteResult } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { AlertSender } from '../delivery/alert-sender';

const STAGE = 'Test Alerter';
export const TEST_SENT =
  'Alert sent successfully. It should be visible at your alerting destination.';
export const ALERTER_DISABLED = 'Alerter is disabled. Enable the Alerter to send alerts.';

/**
 * Komodo's TestAlerter: a `Test` alert sent straight to the endpoint (not through the delivery
 * queue, and inside a maintenance window too), its result the Update's one stage. The secrets
 * the send opens or fills in are masked in the Update.
 */
@Injectable()
export class TestAlerter {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly runner: ExecutionRunner,
    private readonly sender: AlertSender,
  ) {}

  async test(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const alerter = this.alerter(idOrName);
    const { id, position } = await this.runner.start({
      operation: 'TestAlerter',
      target: { type: 'Alerter', id: alerter.id },
      meta,
      work: (ctx) => this.work(ctx, alerter.id),
    });
    return { id, position };
  }

  private async work(ctx: ExecutionContext, alerterId: string): Promise<void> {
    // What the alerter is when the test runs (it may have waited in the queue).
    const alerter = this.alerter(alerterId);
    await ctx.stage(STAGE, '', async () => {
      if (!alerter.config.enabled) return { success: false, stderr: ALERTER_DISABLED };
      const mask = (secret: string) => ctx.secret(secret);
      const ts = Date.now();
      const alert: Alert = {
        id: '',
        ts,
        resolved: true,
        level: 'OK',
        target: { type: 'Alerter', id: alerter.id },
        data: { type: 'Test', data: { id: alerter.id, name: alerter.name } },
        resolved_ts: ts,
      };
      const result = await this.sender.send(alerter, alert, `test-${alerter.id}-${ts}`, mask);
      if (result.ok) return { stdout: TEST_SENT };
      return { success: false, stderr: result.error ?? `the endpoint answered ${result.status}` };
    });
  }

  private alerter(idOrName: string): Resource<'Alerter'> {
    const alerter = this.readModel.resource('Alerter', idOrName);
    if (!alerter) throw notFound(`no Alerter has the name or id '${idOrName}'`);
    return alerter;
  }
}
