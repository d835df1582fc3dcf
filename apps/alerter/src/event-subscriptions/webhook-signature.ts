import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a delivery is signed in: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const SIGNATURE_HEADER = 'x-monitor-signature';

/** The signature of a raw body under the subscription's secret, as the header carries it. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does: the header's signature against its own, in constant time. */
export function verifyWebhookSignature(
  body: string,
  secret: string,
  header: string | undefined,
): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signWebhookBody(body, secret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
