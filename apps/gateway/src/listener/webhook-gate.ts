import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import type { Resource } from '@monitor/domain';
import { KEYRING, MONITOR_CONFIG } from '@monitor/runtime';
import { isSealed, type Keyring } from '@monitor/secrets';
import { ApiError } from '../api/api-error';
import { DELIVERY_MEMORY_MS, DeliveryLog, pushedAt } from './delivery-log';
import {
  deliveryId,
  EVENT_HEADER,
  pushedBranch,
  webhookAuthProblem,
  webhookEvent,
  type GitProvider,
} from './webhook-verification';

export const PROVIDERS: GitProvider[] = ['github', 'gitlab'];

type Headers = Record<string, string | string[] | undefined>;

/** A resource a webhook acts on: its switch and secret. */
type Hooked = Pick<Resource, 'kind' | 'id' | 'name'> & {
  config: { webhook_enabled: boolean; webhook_secret: string };
};

export interface Delivered {
  provider: GitProvider;
  /** The URL's last part: what the webhook does (`deploy`, `pull`, ...). */
  action: string;
  headers: Headers;
  rawBody: Buffer | undefined;
  payload: unknown;
  /** The branch the resource follows (undefined: every branch): a push to another is ignored. */
  follows: string | undefined;
}

export interface Ignored {
  ignored: true;
  message: string;
}

/**
 * What every git webhook goes through before it acts (Komodo's listener): verified against the
 * resource's `webhook_secret`, else the core's; pings and other events acknowledged; a push to
 * another branch ignored. A delivery acts once: one received again (a replay of captured bytes,
 * or a redelivery) is refused 409.
 */
@Injectable()
export class WebhookGate {
  private readonly deliveries = new DeliveryLog();

  constructor(
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {}

  /** Undefined when the push should act; else what to answer instead. Refusals throw. */
  admit(resource: Hooked, delivered: Delivered): Ignored | undefined {
    const { provider, headers, payload } = delivered;
    const rawBody = this.verify(resource, provider, headers, delivered.rawBody);
    const event = webhookEvent(provider, headers);
    if (!event) {
      throw new ApiError(
        400,
        `the ${EVENT_HEADER[provider]} header is missing: it says what the delivery is (push, ping...)`,
        'VALIDATION',
      );
    }
    const target = `${provider}/${resource.kind.toLowerCase()}/${resource.id}/${delivered.action}`;
    this.actOnce(target, provider, headers, rawBody, payload);
    if (event === 'ping') return { ignored: true, message: 'pong' };
    if (event !== 'push') {
      return { ignored: true, message: `'${event}' events are ignored: only pushes act` };
    }
    const branch = pushedBranch(payload);
    if (delivered.follows !== undefined && branch !== delivered.follows) {
      return {
        ignored: true,
        message: `a push to '${branch ?? 'no branch'}' is ignored: ${resource.kind} '${resource.name}' follows '${delivered.follows}'`,
      };
    }
    return undefined;
  }

  private verify(
    resource: Hooked,
    provider: GitProvider,
    headers: Headers,
    rawBody: Buffer | undefined,
  ): Buffer {
    const what = `${resource.kind} '${resource.name}'`;
    if (!resource.config.webhook_enabled) {
      throw new ApiError(
        403,
        `webhooks are disabled for ${what}: set webhook_enabled`,
        'FORBIDDEN',
      );
    }
    const own = resource.config.webhook_secret;
    const secret =
      (isSealed(own) ? this.keyring.open(own) : String(own ?? '')) || this.config.webhook_secret;
    if (!secret) {
      throw new ApiError(
        403,
        `${what} has no webhook secret: set its webhook_secret or the core's webhook_secret`,
        'FORBIDDEN',
      );
    }
    if (!rawBody) throw new ApiError(400, 'the webhook has no JSON body', 'VALIDATION');
    const problem = webhookAuthProblem(provider, headers, rawBody, secret);
    if (problem) throw new ApiError(401, problem, 'UNAUTHENTICATED');
    return rawBody;
  }

  /**
   * 409 rather than a 202 that ignores it: the sender sees that this delivery did nothing, and
   * a replay shows as a failure in the provider's delivery log, where someone will notice it.
   */
  private actOnce(
    target: string,
    provider: GitProvider,
    headers: Headers,
    body: Buffer,
    payload: unknown,
  ): void {
    const id = deliveryId(provider, headers);
    const pushed = pushedAt(payload);
    if (pushed !== undefined && pushed < Date.now() - DELIVERY_MEMORY_MS) {
      throw new ApiError(
        409,
        `this push is from ${new Date(pushed).toISOString()}: a delivery acts only within 24 h of its push; run it from Monitor instead`,
        'CONFLICT',
      );
    }
    const first = this.deliveries.firstReceived({ target, id, body });
    if (first !== undefined) {
      throw new ApiError(
        409,
        `delivery ${id ? `'${id}' ` : ''}was already received at ${new Date(first).toISOString()}: a delivery acts once; run it from Monitor to run it again`,
        'CONFLICT',
      );
    }
  }
}
