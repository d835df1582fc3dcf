import type { Alert, AlerterEndpoint } from '@monitor/domain';
import type { RequestContext } from './endpoint';
import { request } from './requests';
import { describeError } from './describe-error';
import { retryAfterMs } from './retry-after';
import { SecretValues } from './secret-values';
import { sendEmail } from './send-email';

export const DEFAULT_SEND_TIMEOUT_MS = 10_000;
/** How much of a refusal's body an error quotes. */
const QUOTED_BODY = 500;

export interface SendContext extends RequestContext {
  /** Per send; 10 s by default. */
  timeoutMs?: number;
}

/**
 * What one send came to, for the delivery policy: never thrown. `status` is the HTTP status
 * (absent for network errors, timeouts and e-mail); `retryAfter` is the receiver's
 * `Retry-After` in milliseconds; `smtpCode` an SMTP server's reply code. Texts are masked.
 */
export interface SendResult {
  ok: boolean;
  status?: number;
  retryAfter?: number;
  smtpCode?: number;
  error?: string;
}

/** Sends `alert` to `endpoint` once; an alert Komodo sends nothing for is `ok` at once. */
export async function sendAlert(
  endpoint: AlerterEndpoint,
  alert: Alert,
  ctx: SendContext,
): Promise<SendResult> {
  const secrets = new SecretValues();
  const resolve = secrets.recording(ctx.resolve);
  const timeoutMs = ctx.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const failed = (message: string) => ({
    ok: false as const,
    error: secrets.mask(`${endpoint.type}: ${message}`),
  });
  try {
    if (endpoint.type === 'Email') {
      return await sendEmail(
        endpoint,
        alert,
        { ...ctx, resolve, resolveOpen: ctx.resolve, timeoutMs },
        failed,
      );
    }
    const req = request(endpoint, alert, { ...ctx, resolve });
    if (!req) return { ok: true };
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (res.ok) return { ok: true, status: res.status };
    const retryAfter = retryAfterMs(res.headers.get('retry-after'), Date.now());
    return {
      ...failed(`answered ${res.status}${text ? `: ${text.slice(0, QUOTED_BODY)}` : ''}`),
      status: res.status,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    };
  } catch (error) {
    return failed(describeError(error, timeoutMs));
  }
}
