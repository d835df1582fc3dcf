import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { interpolate, type Alert, type AlerterEndpoint, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { variableLookup } from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { isSealed, type Keyring } from '@monitor/secrets';
import { sendAlert, type SendResult } from '../endpoints';

/** The endpoint fields stored sealed (ALERTER_SECRETS), opened only to send. */
const SEALED_PARAMS = ['url', 'bot_token', 'password'] as const;

/**
 * Sends one alert to one alerter: its endpoint's sealed fields opened and its `[[VARIABLES]]`
 * filled at send time, as a deploy fills a container's (the variables its config's writer may
 * use); the idempotency key is the delivery stream. Errors come back masked, never thrown.
 * `mask` hears each secret opened or filled in (TestAlerter masks them in its Update).
 */
@Injectable()
export class AlertSender {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {}

  get timeoutMs(): number {
    return this.config.alerter.send_timeout_ms;
  }

  send(
    alerter: Resource<'Alerter'>,
    alert: Alert,
    idempotencyKey: string,
    mask: (secret: string) => void = () => undefined,
  ): Promise<SendResult> {
    const lookup = variableLookup(this.readModel, this.keyring, alerter);
    return sendAlert(this.opened(alerter.config.endpoint, mask), alert, {
      linkBase: this.config.alerter.link_base.replace(/\/+$/, ''),
      idempotencyKey,
      resolve: (text) => {
        const { text: filled, secrets } = interpolate(text, lookup);
        secrets.forEach(mask);
        return filled;
      },
      timeoutMs: this.timeoutMs,
    });
  }

  private opened(endpoint: AlerterEndpoint, mask: (secret: string) => void): AlerterEndpoint {
    const params: Record<string, unknown> = { ...endpoint.params };
    for (const field of SEALED_PARAMS) {
      const value = params[field];
      if (isSealed(value)) {
        params[field] = this.keyring.open(value);
        mask(params[field] as string);
      }
    }
    return { ...endpoint, params } as AlerterEndpoint;
  }
}
