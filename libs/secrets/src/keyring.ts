import {
  decodeKey,
  decryptValue,
  encryptValue,
  generateDataKeyId,
  generateKey,
  keyIdOf,
  unwrapDataKey,
  wrapDataKey,
} from './crypto';
import { SecretError } from './errors';
import {
  type KeyFileData,
  type ReadKeyFileOptions,
  type WrappedDataKey,
  readKeyFile,
} from './key-file';
import { type DataKeyRef, type SealedSecret, isSealed } from './sealed';

/**
 * Master keys by id: the current one seals, every one opens. Also holds the data keys that a
 * rotation re-wrapped under a newer master key, which `open` prefers over the copy in the event.
 */
export class Keyring {
  private keys = new Map<string, Buffer>();
  private current = '';
  private dataKeys = new Map<string, WrappedDataKey>();

  private constructor(
    data: KeyFileData,
    /** The key file this keyring was read from, for `reload`. */
    readonly path?: string,
    private readonly readOptions: ReadKeyFileOptions = {},
  ) {
    this.load(data);
  }

  static fromData(data: KeyFileData): Keyring {
    return new Keyring(data);
  }

  static fromKeyFile(path: string, options: ReadKeyFileOptions = {}): Keyring {
    return new Keyring(readKeyFile(path, options), path, options);
  }

  /** One master key given as base64 (config); its id is derived from it. */
  static fromBase64(base64: string): Keyring {
    const key = decodeKey(base64, 'the configured master key');
    const kid = keyIdOf(key);
    return new Keyring({ current: kid, keys: { [kid]: key.toString('base64') }, dataKeys: {} });
  }

  get currentKid(): string {
    return this.current;
  }

  hasKey(kid: string): boolean {
    return this.keys.has(kid);
  }

  /** Re-reads the key file, e.g. after `rotate` wrote a new current key (no-op without a file). */
  reload(): void {
    if (this.path !== undefined) this.load(readKeyFile(this.path, this.readOptions));
  }

  seal(plaintext: string): SealedSecret {
    const dkid = generateDataKeyId();
    const dataKey = generateKey();
    try {
      const master = this.keys.get(this.current) as Buffer;
      const dk = wrapDataKey(master, this.current, dkid, dataKey);
      return { $sealed: 1, kid: this.current, dkid, dk, ...encryptValue(dataKey, dkid, plaintext) };
    } finally {
      dataKey.fill(0);
    }
  }

  open(sealed: SealedSecret): string {
    if (!isSealed(sealed)) {
      throw new SecretError('SECRET_MALFORMED', 'not a sealed secret of a known version');
    }
    const dataKey = this.unwrap(sealed);
    try {
      return decryptValue(dataKey, sealed.dkid, sealed);
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * The plain data key of a secret: through the keyring's re-wrapped copy when its master key is
   * here, else through the copy embedded in the event. Exposed for rotation; callers zero it.
   */
  unwrap(ref: DataKeyRef): Buffer {
    const rewrapped = this.dataKeys.get(ref.dkid);
    if (rewrapped !== undefined && this.keys.has(rewrapped.kid)) {
      return unwrapDataKey(
        this.keys.get(rewrapped.kid) as Buffer,
        rewrapped.kid,
        ref.dkid,
        rewrapped.dk,
      );
    }
    const master = this.keys.get(ref.kid);
    if (master === undefined) {
      const wanted =
        rewrapped === undefined ? `"${ref.kid}"` : `"${ref.kid}" or "${rewrapped.kid}"`;
      throw new SecretError(
        'SECRET_KEY_MISSING',
        `secret (data key ${ref.dkid}) needs master key ${wanted}, which this keyring does not hold`,
        { kid: ref.kid, dkid: ref.dkid, ...(rewrapped && { rewrappedKid: rewrapped.kid }) },
      );
    }
    return unwrapDataKey(master, ref.kid, ref.dkid, ref.dk);
  }

  private load(data: KeyFileData): void {
    const keys = new Map<string, Buffer>();
    for (const [kid, key] of Object.entries(data.keys))
      keys.set(kid, decodeKey(key, `key "${kid}"`));
    if (!keys.has(data.current)) {
      throw new SecretError('SECRET_KEY_INVALID', `current key "${data.current}" is not in keys`);
    }
    this.keys = keys;
    this.current = data.current;
    this.dataKeys = new Map(Object.entries(data.dataKeys));
  }
}
