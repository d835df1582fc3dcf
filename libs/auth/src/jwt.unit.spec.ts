import { createHmac, randomBytes } from 'node:crypto';
import { AuthError } from './auth-error';
import { signJwt, verifyJwt } from './jwt';

const secret = randomBytes(32);
const now = Date.UTC(2026, 0, 1);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hs256 = (input: string, key = secret) =>
  createHmac('sha256', key).update(input).digest('base64url');
/** A token signed with `secret` from raw header and payload, as an attacker holding it could. */
const forge = (header: unknown, payload: unknown) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${hs256(input)}`;
};
const iat = now / 1000;
const claims = { sub: 'user-1', iat, exp: iat + 60, jti: 'j' };

async function codeOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (err) {
    if (err instanceof AuthError) return err.code;
    throw err;
  }
  return undefined;
}

describe('signJwt / verifyJwt', () => {
  it('round-trips the claims with iat, exp and jti', async () => {
    const token = await signJwt({ sub: 'user-1', admin: true }, secret, {
      expiresInSeconds: 3600,
      now,
    });
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(await verifyJwt(token, secret, { now: now + 1000 })).toEqual({
      sub: 'user-1',
      admin: true,
      iat,
      exp: iat + 3600,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });
  it('gives every token its own jti, and the caller cannot override timing claims', async () => {
    const one = await signJwt({ sub: 'u', exp: 9e9, iat: 0 }, secret, {
      expiresInSeconds: 60,
      now,
    });
    const two = await signJwt({ sub: 'u' }, secret, { expiresInSeconds: 60, now });
    const [a, b] = await Promise.all([one, two].map((t) => verifyJwt(t, secret, { now })));
    expect(a.jti).not.toBe(b.jti);
    expect(a).toMatchObject({ iat, exp: iat + 60 });
  });
  it('issues no earlier than issuedAtLeast, so a revocation in the same second spares it', async () => {
    const token = await signJwt({ sub: 'u' }, secret, {
      expiresInSeconds: 60,
      now: now + 300,
      issuedAtLeast: iat + 1,
    });
    expect(await verifyJwt(token, secret, { now: now + 300 })).toMatchObject({
      iat: iat + 1,
      exp: iat + 60,
    });
    const later = await signJwt({ sub: 'u' }, secret, {
      expiresInSeconds: 60,
      now,
      issuedAtLeast: 5,
    });
    expect((await verifyJwt(later, secret, { now })).iat).toBe(iat);
  });
  it('refuses a non-positive or fractional lifetime', async () => {
    await expect(signJwt({ sub: 'u' }, secret, { expiresInSeconds: 0 })).rejects.toThrow(
      RangeError,
    );
    await expect(signJwt({ sub: 'u' }, secret, { expiresInSeconds: 1.5 })).rejects.toThrow(
      RangeError,
    );
  });
  it('expires at exp', async () => {
    const token = await signJwt({ sub: 'u' }, secret, { expiresInSeconds: 60, now });
    expect(await codeOf(() => verifyJwt(token, secret, { now: now + 59_999 }))).toBeUndefined();
    expect(await codeOf(() => verifyJwt(token, secret, { now: now + 60_000 }))).toBe(
      'TOKEN_EXPIRED',
    );
  });
  it('refuses a tampered payload or signature, and another secret', async () => {
    const [header, payload, signature] = (
      await signJwt({ sub: 'user-1' }, secret, { expiresInSeconds: 60, now })
    ).split('.');
    const escalated = b64({
      ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
      sub: 'admin',
    });
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    const opts = { now };
    expect(await codeOf(() => verifyJwt(`${header}.${escalated}.${signature}`, secret, opts))).toBe(
      'TOKEN_BAD_SIGNATURE',
    );
    expect(await codeOf(() => verifyJwt(`${header}.${payload}.${flipped}`, secret, opts))).toBe(
      'TOKEN_BAD_SIGNATURE',
    );
    expect(await codeOf(() => verifyJwt(`${header}.${payload}.${signature}x`, secret, opts))).toBe(
      'TOKEN_BAD_SIGNATURE',
    );
    const token = `${header}.${payload}.${signature}`;
    expect(await codeOf(() => verifyJwt(token, randomBytes(32), opts))).toBe('TOKEN_BAD_SIGNATURE');
  });
  it('refuses alg none, RS256 and a missing alg, even when correctly MAC-ed', async () => {
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect(await codeOf(() => verifyJwt(none, secret, { now }))).toBe('TOKEN_ALG');
    expect(await codeOf(() => verifyJwt(`${none}AAAA`, secret, { now }))).toBe('TOKEN_ALG');
    expect(await codeOf(() => verifyJwt(forge({ alg: 'RS256' }, claims), secret, { now }))).toBe(
      'TOKEN_ALG',
    );
    expect(await codeOf(() => verifyJwt(forge({ alg: 'hs256' }, claims), secret, { now }))).toBe(
      'TOKEN_ALG',
    );
    expect(await codeOf(() => verifyJwt(forge({ typ: 'JWT' }, claims), secret, { now }))).toBe(
      'TOKEN_MALFORMED',
    );
  });
  it.each([
    ['two parts', 'aaaa.bbbb'],
    ['four parts', 'aaaa.bbbb.cccc.dddd'],
    ['empty', ''],
    ['bad base64', 'ey!!.eyJzdWIiOiJ1In0.c2ln'],
    ['standard base64', 'eyJ+.eyJ/.c2ln'],
    ['bad JSON header', `${Buffer.from('{alg').toString('base64url')}.${b64(claims)}.c2ln`],
    ['JSON array header', `${b64(['HS256'])}.${b64(claims)}.c2ln`],
  ])('refuses a malformed token: %s', async (_, token) => {
    expect(await codeOf(() => verifyJwt(token, secret, { now }))).toBe('TOKEN_MALFORMED');
  });
  it.each([
    ['bad JSON payload', 'not json'],
    ['JSON null payload', null],
    ['no sub', { ...claims, sub: undefined }],
    ['empty sub', { ...claims, sub: '' }],
    ['no exp', { ...claims, exp: undefined }],
    ['string iat', { ...claims, iat: String(iat) }],
    ['no jti', { ...claims, jti: undefined }],
  ])('refuses a correctly signed payload with %s', async (_, payload) => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const body =
      typeof payload === 'string' ? Buffer.from(payload).toString('base64url') : b64(payload);
    const token = `${header}.${body}.${hs256(`${header}.${body}`)}`;
    expect(await codeOf(() => verifyJwt(token, secret, { now }))).toBe('TOKEN_MALFORMED');
  });
  it('tolerates 60 s of clock skew on iat, and no more', async () => {
    const ahead = (seconds: number) =>
      forge({ alg: 'HS256' }, { ...claims, iat: iat + seconds, exp: iat + 3600 });
    expect(await codeOf(() => verifyJwt(ahead(60), secret, { now }))).toBeUndefined();
    expect(await codeOf(() => verifyJwt(ahead(61), secret, { now }))).toBe('TOKEN_FUTURE_IAT');
  });
  it('answers 401 for every token failure', async () => {
    try {
      await verifyJwt('x', secret);
    } catch (err) {
      expect(err).toMatchObject({ code: 'TOKEN_MALFORMED', status: 401 });
    }
    expect.assertions(1);
  });
});
