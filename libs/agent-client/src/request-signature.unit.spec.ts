import { NonceStore } from './nonce-store';
import { parseSignature, signRequest } from './request-signature';
import { createRequestVerifier } from './request-verifier';

describe('request signatures', () => {
  const request = { method: 'POST', path: '/', body: '{"type":"GetHealth"}' };
  let clock = 1_800_000_000_000;
  const verifier = createRequestVerifier(['k1', 'k2'], { now: () => clock, maxNonces: 3 });
  const check = (header: string, path = '/') => verifier.checkHeader(header, 'POST', path);

  it('carries no passkey, and a fresh nonce each time', async () => {
    const first = await signRequest('k1-passkey-value', request, { now: clock });
    const second = await signRequest('k1-passkey-value', request, { now: clock });
    expect(first).not.toContain('k1-passkey-value');
    expect(first).toMatch(/^Monitor-HMAC t=\d+,n=[\w-]{22},b=[0-9a-f]{64},s=[\w-]{43}$/);
    expect(first).not.toBe(second);
  });

  it('verifies under either key, and answers the body digest', async () => {
    const header = await signRequest('k2', request, { now: clock });
    const checked = check(header);
    expect(checked).toMatchObject({ ok: true });
    if (checked.ok) expect(verifier.checkBody(checked.bodyDigest, request.body)).toBeUndefined();
    if (checked.ok)
      expect(verifier.checkBody(checked.bodyDigest, '{}')).toMatchObject({ reason: 'BODY' });
  });

  it('names the reason of each refusal', async () => {
    expect(verifier.checkHeader(undefined, 'POST', '/')).toMatchObject({ reason: 'MISSING' });
    expect(check('k1')).toMatchObject({ reason: 'PLAIN_PASSKEY' });
    expect(check('Monitor-HMAC t=1')).toMatchObject({ reason: 'MALFORMED' });
    expect(check(await signRequest('k3', request, { now: clock }))).toMatchObject({
      reason: 'WRONG',
    });
    expect(check(await signRequest('k1', request, { now: clock }), '/other')).toMatchObject({
      reason: 'WRONG',
    });
    expect(check(await signRequest('k1', request, { now: clock - 60_001 }))).toMatchObject({
      reason: 'STALE',
    });
  });

  it('refuses a nonce twice within the window, and past capacity refuses rather than forgets', async () => {
    clock += 1_000_000;
    const header = await signRequest('k1', request, { now: clock });
    expect(check(header)).toMatchObject({ ok: true });
    expect(check(header)).toMatchObject({ reason: 'REPLAYED' });
    for (const n of [1, 2])
      expect(check(await signRequest('k1', request, { now: clock + n }))).toMatchObject({
        ok: true,
      });
    expect(check(await signRequest('k1', request, { now: clock }))).toMatchObject({
      reason: 'BUSY',
    });
    clock += 61_000;
    expect(check(await signRequest('k1', request, { now: clock }))).toMatchObject({ ok: true });
  });

  it('parses only well-formed fields', () => {
    expect(parseSignature('Monitor-HMAC t=1,n=short,b=00,s=x')).toEqual({
      problem: "the signature's 'n=' field is malformed",
    });
  });
});

describe('NonceStore', () => {
  it('forgets a nonce once it expired', () => {
    const store = new NonceStore(10);
    expect(store.remember('a', 100, 0)).toBe('new');
    expect(store.remember('a', 100, 50)).toBe('seen');
    expect(store.remember('a', 200, 101)).toBe('new');
    expect(store.size).toBe(1);
  });
});
