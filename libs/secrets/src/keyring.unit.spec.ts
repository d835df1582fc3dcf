import { SecretError } from './errors';
import { newKeyFileData } from './key-file';
import { Keyring } from './keyring';
import { isSealed, type SealedSecret } from './sealed';
import { codeOf } from './test-support';

const flip = (base64: string): string => {
  const raw = Buffer.from(base64, 'base64');
  raw[raw.length - 1] ^= 1;
  return raw.toString('base64');
};

describe('Keyring seal/open', () => {
  const keyring = Keyring.fromData(newKeyFileData());

  it('round-trips any string, with a fresh data key and iv per seal', () => {
    for (const value of ['ghp_token', 'ünïcødé 🔑', 'x'.repeat(100_000), 'line1\nline2']) {
      const sealed = keyring.seal(value);
      expect(isSealed(sealed)).toBe(true);
      expect(sealed.kid).toBe(keyring.currentKid);
      expect(JSON.stringify(sealed)).not.toContain(value);
      expect(keyring.open(JSON.parse(JSON.stringify(sealed)))).toBe(value);
    }
    const [a, b] = [keyring.seal('same'), keyring.seal('same')];
    expect(a.dkid).not.toBe(b.dkid);
    expect(a.ct).not.toBe(b.ct);
  });

  it.each(['ct', 'tag', 'dk', 'iv'] as const)(
    'fails with SECRET_CORRUPT when %s is tampered',
    (field) => {
      const sealed = keyring.seal('hunter22');
      expect(codeOf(() => keyring.open({ ...sealed, [field]: flip(sealed[field]) }))).toBe(
        'SECRET_CORRUPT',
      );
    },
  );

  it('binds the value to its data key and the data key to its master key id', () => {
    const [a, b] = [keyring.seal('first secret'), keyring.seal('second secret')];
    // b's ciphertext with a's data key, and a's data key under b's id: both refused.
    expect(codeOf(() => keyring.open({ ...a, iv: b.iv, tag: b.tag, ct: b.ct }))).toBe(
      'SECRET_CORRUPT',
    );
    expect(codeOf(() => keyring.open({ ...a, dkid: b.dkid }))).toBe('SECRET_CORRUPT');
  });

  it('fails with SECRET_CORRUPT when a kid names a different key', () => {
    const sealed = keyring.seal('relabelled');
    const impostor = newKeyFileData();
    const liar = Keyring.fromData({
      current: sealed.kid,
      keys: { [sealed.kid]: Object.values(impostor.keys)[0] },
      dataKeys: {},
    });
    expect(codeOf(() => liar.open(sealed))).toBe('SECRET_CORRUPT');
  });

  it('fails with SECRET_KEY_MISSING naming the kid when the key is absent', () => {
    const sealed = keyring.seal('elsewhere');
    const stranger = Keyring.fromData(newKeyFileData());
    let error: unknown;
    try {
      stranger.open(sealed);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SecretError);
    expect((error as SecretError).code).toBe('SECRET_KEY_MISSING');
    expect((error as SecretError).message).toContain(sealed.kid);
    expect((error as SecretError).details).toMatchObject({ kid: sealed.kid, dkid: sealed.dkid });
  });

  it('refuses what is not a sealed secret', () => {
    expect(codeOf(() => keyring.open({ $sealed: 2 } as unknown as SealedSecret))).toBe(
      'SECRET_MALFORMED',
    );
    expect(isSealed({ $sealed: 1, kid: 'k' })).toBe(false);
    expect(isSealed('text')).toBe(false);
  });
});

describe('Keyring from a configured base64 key', () => {
  const base64 = Buffer.alloc(32, 7).toString('base64');

  it('derives the same key id on every start, so its seals open after a restart', () => {
    const sealed = Keyring.fromBase64(base64).seal('config key');
    expect(Keyring.fromBase64(base64).currentKid).toBe(sealed.kid);
    expect(Keyring.fromBase64(` ${base64}\n`).open(sealed)).toBe('config key');
  });

  it.each(['', 'not base64!', Buffer.alloc(16).toString('base64'), base64.slice(0, -4) + '!!!!'])(
    'refuses %j with SECRET_KEY_INVALID',
    (bad) => {
      expect(codeOf(() => Keyring.fromBase64(bad))).toBe('SECRET_KEY_INVALID');
    },
  );
});
