import { createHmac } from 'node:crypto';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const body = JSON.stringify({ position: 7, type: 'DeploymentUpdated', data: { a: 'ü' } });

  it('is sha256= and the hex HMAC-SHA256 of the raw body under the secret', () => {
    const hex = createHmac('sha256', 's3cret').update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signWebhookBody(body, 's3cret')).toBe(`sha256=${hex}`);
    // A known vector (RFC 4231 style): key "key", message "The quick brown fox...".
    expect(signWebhookBody('The quick brown fox jumps over the lazy dog', 'key')).toBe(
      'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('verifies its own signature, and nothing else', () => {
    const signature = signWebhookBody(body, 's3cret');
    expect(verifyWebhookSignature(body, 's3cret', signature)).toBe(true);
    expect(verifyWebhookSignature(body, 'other', signature)).toBe(false);
    expect(verifyWebhookSignature(`${body} `, 's3cret', signature)).toBe(false);
    expect(verifyWebhookSignature(body, 's3cret', signature.slice(0, -1))).toBe(false);
    expect(verifyWebhookSignature(body, 's3cret', undefined)).toBe(false);
  });
});
