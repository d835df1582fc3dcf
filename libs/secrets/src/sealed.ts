/**
 * The JSON shape stored inside events in place of a plaintext secret (envelope encryption):
 * the value is encrypted with its own random data key, and that data key is stored wrapped by a
 * master key that lives outside the event store.
 */
export interface SealedSecret {
  $sealed: 1;
  /** Id of the master key that wrapped `dk` when the secret was sealed. */
  kid: string;
  /** Id of the data key: the keyring may hold a re-wrapped copy of it after a rotation. */
  dkid: string;
  /** The data key, AES-256-GCM wrapped by master key `kid`: base64(iv 12 | tag 16 | ct 32). */
  dk: string;
  /** AES-256-GCM of the UTF-8 value under the data key, base64 each. */
  iv: string;
  tag: string;
  ct: string;
}

/** What rotation needs of a sealed secret: which data key, and its original wrapping. */
export type DataKeyRef = Pick<SealedSecret, 'dkid' | 'kid' | 'dk'>;

const FIELDS = ['kid', 'dkid', 'dk', 'iv', 'tag', 'ct'] as const;

export function isSealed(value: unknown): value is SealedSecret {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return record.$sealed === 1 && FIELDS.every((field) => typeof record[field] === 'string');
}

/** Looks like an attempt at a sealed value (has `$sealed`), whether or not it is well formed. */
export function looksSealed(value: unknown): boolean {
  return typeof value === 'object' && value !== null && '$sealed' in value;
}
