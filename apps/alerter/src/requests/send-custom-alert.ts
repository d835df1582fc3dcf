import { Inject, Injectable } from '@nestjs/common';
import type { SendAlertDto } from '@monitor/contracts';
import { alertDecider, alertStream, type Alert } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionRunner } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, newId, type CommandMeta, type WriteResult } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { sendAlertTargets } from './send-alert-targets';

/** Komodo's `ResourceTarget::system()`. */
const SYSTEM = { type: 'System' as const, id: 'system' };

/**
 * Komodo's SendAlert: a `Custom` alert raised (stored resolved at once, as Komodo stores it)
 * and addressed to the alerters chosen, which the delivery engine then delivers to each. The
 * Update logs the alert, as Komodo does, and the alerters it went to. Its target is the system,
 * as Komodo's.
 */
@Injectable()
export class SendCustomAlert {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ExecutionRunner,
  ) {}

  /** An unknown or unexecutable alerter, or none left to send to, is refused before any Update. */
  async send(params: SendAlertDto, meta: CommandMeta): Promise<WriteResult> {
    const alerters = sendAlertTargets(this.readModel, meta.userId, params.alerters);
    const { id, position } = await this.runner.start({
      operation: 'SendAlert',
      target: SYSTEM,
      meta,
      work: async (ctx) => {
        const ts = Date.now();
        const alert: Alert = {
          id: newId(),
          ts,
          resolved: true,
          level: params.level ?? 'OK',
          target: SYSTEM,
          data: { type: 'Custom', data: { message: params.message, details: params.details } },
          resolved_ts: ts,
        };
        await ctx.stage('Send alert', '', async () => {
          await handleCommand(
            this.store,
            alertStream(alert.id),
            alertDecider,
            { type: 'Raise', ...alert, alerters: alerters.map((a) => a.id) },
            meta,
          );
          const to = alerters.map((a) => `${a.name} (${a.id})`).join('\n');
          return { stdout: `${JSON.stringify(alert, null, 2)}\n\nSent to:\n${to}` };
        });
      },
    });
    return { id, position };
  }
}
