/**
 * Errors of the secrets lib. Each carries a stable code so the bus and the CLI can map it without
 * parsing messages. Messages and details name key ids and data key ids, never a secret value.
 */
export type SecretErrorCode =
  /** The master key a secret needs is not in this keyring (named in the message). */
  | 'SECRET_KEY_MISSING'
  /** Authentication failed: the sealed value, its wrapped data key or the master key is wrong. */
  | 'SECRET_CORRUPT'
  /** The value is not a SealedSecret of a version this code knows. */
  | 'SECRET_MALFORMED'
  /** No master key configured, or the key file / configured key cannot be parsed. */
  | 'SECRET_KEY_INVALID'
  /** The key file can be read by group or others; like ssh, we refuse to use it. */
  | 'SECRET_KEY_FILE_INSECURE'
  /** Retiring this master key would leave stored secrets unreadable. */
  | 'SECRET_KEY_IN_USE';

export class SecretError extends Error {
  constructor(
    readonly code: SecretErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'SecretError';
  }
}
