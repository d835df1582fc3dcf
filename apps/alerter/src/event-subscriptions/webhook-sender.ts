import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { MONITOR_CONFIG } from '@monitor/runtime';
import type { SendVerdict } from '../delivery/delivery-runner';
import { SIGNATURE_HEADER, signWebhookBody } from './webhook-signature';
import type { WebhookPayload } from './webhook-payload';

/** The delivery's id (its stream: the same on every attempt, so a receiver drops repeats). */
export const DELIVERY_HEADER = 'x-monitor-delivery';
export const POSITION_HEADER = 'x-monitor-position';

/**
 * POSTs one event to a subscription's url, signed: a 2xx is delivered; anything else (a
 * redirect too: not followed) a failure the shared retry policy reads. Never throws; an error
 * text names the failure, never the secret.
 */
@Injectable()
export class WebhookSender {
  constructor(@Inject(MONITOR_CONFIG) private readonly config: MonitorConfig) {}

  get timeoutMs(): number {
    return this.config.alerter.send_timeout_ms;
  }

  async send(
    url: string,
    secret: string,
    deliveryId: string,
    payload: WebhookPayload,
  ): Promise<SendVerdict> {
    const body = JSON.stringify(payload);
    try {
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Monitor-Webhook',
          [SIGNATURE_HEADER]: signWebhookBody(body, secret),
          [DELIVERY_HEADER]: deliveryId,
          [POSITION_HEADER]: String(payload.position),
        },
        body,
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300)
        return { ok: true, status: response.status };
      const retryAfter = response.headers.get('retry-after');
      return {
        ok: false,
        status: response.status,
        ...(retryAfter ? { retryAfter } : {}),
        error: `the receiver answered ${response.status}`,
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const name = (error as Error).name;
      const why =
        name === 'TimeoutError'
          ? `no answer within ${this.timeoutMs} ms`
          : (cause ?? (error as Error).message);
      return { ok: false, error: `the send failed: ${why}` };
    }
  }
}
