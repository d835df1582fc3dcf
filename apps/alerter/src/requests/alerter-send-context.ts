import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { interpolate, type AlerterEndpoint, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { ConfigSecrets, variableLookup } from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import type { SendContext } from '../endpoints';

/** Hears each secret a send will use, so the Update masks it. */
export type Mask = (secret: string) => void;

/**
 * What a direct send to one Alerter needs (TestAlerter): its endpoint with the sealed fields
 * (url, bot token, SMTP password) opened, and a resolver filling `[[VARIABLES]]` as the
 * config's writer may use them. Every opened or filled-in secret is handed to `mask`.
 */
@Injectable()
export class AlerterSendContext {
  private readonly secrets: ConfigSecrets;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {
    this.secrets = new ConfigSecrets(keyring);
  }

  endpoint(alerter: Resource<'Alerter'>, mask: Mask): AlerterEndpoint {
    return this.secrets.open('Alerter', alerter.config, { add: mask }).endpoint;
  }

  context(alerter: Resource<'Alerter'>, mask: Mask, idempotencyKey: string): SendContext {
    const variable = variableLookup(this.readModel, this.keyring, alerter);
    return {
      linkBase: linkBase(this.config),
      idempotencyKey,
      resolve: (text) => {
        const { text: filled, secrets } = interpolate(text, variable);
        for (const secret of secrets) mask(secret);
        return filled;
      },
    };
  }
}

/**
 * Where links in messages point: the `[alerter]` section's `link_base`, as the delivery engine
 * reads it, without a trailing slash.
 */
export function linkBase(config: MonitorConfig): string {
  return config.alerter.link_base.replace(/\/+$/, '');
}
